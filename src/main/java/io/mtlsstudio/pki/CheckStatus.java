package io.mtlsstudio.pki;

import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;

import java.util.Collection;

/** The mark a file or an inspection gets: the weight of its worst finding. */
public enum CheckStatus {
    VALID, WARNING, ERROR;

    public static CheckStatus of(Collection<Finding> findings) {
        CheckStatus status = VALID;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR) {
                return ERROR;
            }
            if (finding.severity() == Severity.WARNING) {
                status = WARNING;
            }
        }
        return status;
    }
}
