/**
 * Test PKI generation: a good set for a Cadence frontend and broken variants for training.
 *
 * <p>For a generator dialog: build {@link io.mtlsstudio.pki.generate.GeneratorOptions}, show
 * {@link io.mtlsstudio.pki.generate.PkiGenerator#plan} as the file list, ask for confirmation when
 * {@link io.mtlsstudio.pki.generate.PkiGenerator#existingFiles} is not empty, then call
 * {@link io.mtlsstudio.pki.generate.PkiGenerator#generate} with overwrite set accordingly, off the FX thread:
 * RSA key generation is slow (an RSA-3072 set with broken variants took 7.7 s in GenerateCommandTest on a
 * shared 2-core machine). Each {@link io.mtlsstudio.pki.generate.BrokenVariant} names the step and code
 * mTLS Studio reports when it is used.
 */
package io.mtlsstudio.pki.generate;
