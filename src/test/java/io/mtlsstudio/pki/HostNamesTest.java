package io.mtlsstudio.pki;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostNamesTest {

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
            "server.example.test,   server.example.test,   true",
            "Server.Example.TEST,   server.example.test.,  true",
            "*.example.test,        server.example.test,   true",
            "*.example.test,        a.b.example.test,      false",
            "*.example.test,        example.test,          false",
            "*.test,                example.test,          false",
            "f*.example.test,       foo.example.test,      false",
            "server.example.test,   other.example.test,    false",
    })
    void dnsMatchesLikeGoAndJdk(String pattern, String host, boolean expected) {
        assertEquals(expected, HostNames.dnsMatches(pattern, host));
    }

    @ParameterizedTest(name = "{0} is an IP address: {1}")
    @CsvSource({
            "127.0.0.1,          true",
            "::1,                true",
            "[::1],              true",
            "2001:db8::7,        true",
            "999.1.1.1,          false",
            "cadence-frontend,   false",
            "1.2.3,              false",
    })
    void ipAddressLiterals(String name, boolean expected) {
        assertEquals(expected, HostNames.isIpAddress(name));
    }

    @ParameterizedTest(name = "{0} equals {1}: {2}")
    @CsvSource({
            "127.0.0.1,          127.0.0.1,   true",
            "0:0:0:0:0:0:0:1,    ::1,         true",
            "0:0:0:0:0:0:0:1,    [::1],       true",
            "127.0.0.1,          127.0.0.2,   false",
            "127.0.0.1,          localhost,   false",
    })
    void ipMatchesComparesAddresses(String entry, String address, boolean expected) {
        assertEquals(expected, HostNames.ipMatches(entry, address));
    }
}
