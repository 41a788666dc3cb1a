/**
 * Connection profiles and recent files, stored as JSON in the user's configuration folder
 * ({@link io.mtlsstudio.profile.ConfigFolder}). {@link io.mtlsstudio.profile.ProfileStore} saves and reopens
 * {@link io.mtlsstudio.profile.ConnectionProfile}s, which have no password field;
 * {@link io.mtlsstudio.profile.RecentFiles} keeps the last files chosen in each picker. Both read and write
 * files on the calling thread, so call them off the FX thread.
 */
package io.mtlsstudio.profile;
