package io.mtlsstudio.handshake;

/** Weight of a finding: an ERROR explains a failure, a WARNING a risk, INFO a fact worth knowing. */
public enum Severity { ERROR, WARNING, INFO }
