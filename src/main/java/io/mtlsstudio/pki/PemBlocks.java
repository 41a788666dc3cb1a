package io.mtlsstudio.pki;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PEM text into its blocks so that each one is decoded on its own: a corrupt block is then
 * reported with its position and the blocks after it still load. Text around the blocks is
 * skipped, and CRLF line ends are accepted. Decoding itself is left to Bouncy Castle.
 */
final class PemBlocks {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final String UTF8_BOM = "\u00EF\u00BB\u00BF";

    /**
     * One block.
     *
     * @param number   1-based position in the file
     * @param label    the text after BEGIN, for example {@code CERTIFICATE}
     * @param line     1-based line of the BEGIN line
     * @param text     the block from its BEGIN line to its END line, with LF line ends
     * @param complete false when the file ends, or another BEGIN line starts, before the END line
     */
    record Block(int number, String label, int line, String text, boolean complete) {
    }

    private PemBlocks() {
    }

    static boolean looksLikePem(String content) {
        return content.contains(BEGIN);
    }

    /**
     * Splits the text, read as ISO-8859-1, into blocks. A UTF-8 byte order mark, which Windows editors
     * put before the first BEGIN line, is skipped.
     */
    static List<Block> split(String content) {
        String body = content.startsWith(UTF8_BOM) ? content.substring(UTF8_BOM.length()) : content;
        String[] lines = body.split("\r\n|\r|\n", -1);
        List<Block> blocks = new ArrayList<>();
        String label = null;
        int beginLine = 0;
        StringBuilder text = new StringBuilder();

        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String beginLabel = labelOf(line, BEGIN);
            if (beginLabel != null) {
                if (label != null) {
                    blocks.add(new Block(blocks.size() + 1, label, beginLine, text.toString(), false));
                }
                label = beginLabel;
                beginLine = i + 1;
                text.setLength(0);
                text.append(line).append('\n');
                continue;
            }
            if (label == null) {
                continue;
            }
            text.append(line).append('\n');
            if (labelOf(line, END) != null) {
                blocks.add(new Block(blocks.size() + 1, label, beginLine, text.toString(), true));
                label = null;
            }
        }
        if (label != null) {
            blocks.add(new Block(blocks.size() + 1, label, beginLine, text.toString(), false));
        }
        return blocks;
    }

    private static String labelOf(String line, String prefix) {
        if (!line.startsWith(prefix) || !line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
            return null;
        }
        return line.substring(prefix.length(), line.length() - DASHES.length()).strip();
    }
}
