package io.mtlsstudio.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentFilesTest {

    @TempDir
    Path folder;

    @Test
    void recentFilesPutLatestFirstWithoutDuplicates() throws IOException {
        RecentFiles recent = new RecentFiles(folder);

        recent.add(RecentFiles.CLIENT_CERTIFICATE, Path.of("/certs/a.crt"));
        recent.add(RecentFiles.CLIENT_CERTIFICATE, Path.of("/certs/b.crt"));
        recent.add(RecentFiles.CLIENT_CERTIFICATE, Path.of("/certs/./a.crt"));

        assertEquals(List.of(Path.of("/certs/a.crt"), Path.of("/certs/b.crt")), new RecentFiles(folder).list(RecentFiles.CLIENT_CERTIFICATE));
    }

    @Test
    void recentFilesKeepPickersApart() throws IOException {
        RecentFiles recent = new RecentFiles(folder);

        recent.add(RecentFiles.CLIENT_KEY, Path.of("/certs/client.key"));
        recent.add(RecentFiles.CA_FILE, Path.of("/certs/ca.crt"));

        assertEquals(List.of(Path.of("/certs/client.key")), recent.list(RecentFiles.CLIENT_KEY));
        assertEquals(List.of(Path.of("/certs/ca.crt")), recent.list(RecentFiles.CA_FILE));
        assertEquals(List.of(), recent.list(RecentFiles.CADENCE_CONFIG));
    }

    @Test
    void recentFilesDropOldestBeyondLimit() throws IOException {
        RecentFiles recent = new RecentFiles(folder);

        for (int i = 0; i < RecentFiles.MAX_ENTRIES + 3; i++) {
            recent.add(RecentFiles.CA_FILE, Path.of("/certs/ca-" + i + ".crt"));
        }

        List<Path> expected = IntStream.iterate(RecentFiles.MAX_ENTRIES + 2, i -> i - 1).limit(RecentFiles.MAX_ENTRIES)
                .mapToObj(i -> Path.of("/certs/ca-" + i + ".crt")).toList();
        assertEquals(expected, recent.list(RecentFiles.CA_FILE));
    }

    @Test
    void recentFilesRemoveAndClear() throws IOException {
        RecentFiles recent = new RecentFiles(folder);
        recent.add(RecentFiles.CADENCE_CONFIG, Path.of("/repo/config"));
        recent.add(RecentFiles.CADENCE_CONFIG, Path.of("/other/config"));
        recent.add(RecentFiles.CA_FILE, Path.of("/certs/ca.crt"));

        recent.remove(RecentFiles.CADENCE_CONFIG, Path.of("/repo/config"));
        List<Path> afterRemove = recent.list(RecentFiles.CADENCE_CONFIG);
        recent.clear(RecentFiles.CADENCE_CONFIG);

        assertEquals(List.of(Path.of("/other/config")), afterRemove);
        assertEquals(List.of(), recent.list(RecentFiles.CADENCE_CONFIG));
        assertEquals(List.of(Path.of("/certs/ca.crt")), recent.list(RecentFiles.CA_FILE));
    }
}
