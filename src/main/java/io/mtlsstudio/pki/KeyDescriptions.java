package io.mtlsstudio.pki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.RSAKey;

/** Names a key's algorithm and its size or curve, for example "RSA 2048", "EC P-256" or "Ed25519". */
final class KeyDescriptions {

    private KeyDescriptions() {
    }

    static String describe(PublicKey key) {
        try {
            return describe(key, SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm());
        } catch (RuntimeException e) {
            return key.getAlgorithm();
        }
    }

    static String describe(PrivateKey key) {
        try {
            return describe(key, PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm());
        } catch (RuntimeException e) {
            return key.getAlgorithm();
        }
    }

    /** Returns the bit length of an RSA modulus, or -1 for other keys. */
    static int rsaBits(Key key) {
        return key instanceof RSAKey rsa ? rsa.getModulus().bitLength() : -1;
    }

    /** Returns the curve name of an EC key ("P-256"), or null for other keys. */
    static String curve(Key key) {
        if (!"EC".equals(key.getAlgorithm())) {
            return null;
        }
        try {
            AlgorithmIdentifier algorithm = key instanceof PublicKey
                    ? SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm()
                    : PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm();
            return curveName(algorithm.getParameters());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** NIST name where there is one ("P-384"), else the SEC or other registered name, else the OID. */
    static String curveName(ASN1Encodable parameters) {
        if (!(parameters instanceof ASN1ObjectIdentifier oid)) {
            return "explicit curve parameters";
        }
        String nist = NISTNamedCurves.getName(oid);
        if (nist != null) {
            return nist;
        }
        String name = ECNamedCurveTable.getName(oid);
        return name != null ? name : oid.getId();
    }

    private static String describe(Key key, AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA " + rsaBits(key);
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return "RSASSA-PSS " + rsaBits(key);
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC " + curveName(algorithm.getParameters());
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (oid.equals(X9ObjectIdentifiers.id_dsa) && key instanceof DSAKey dsa && dsa.getParams() != null) {
            return "DSA " + dsa.getParams().getP().bitLength();
        }
        return key.getAlgorithm();
    }
}
