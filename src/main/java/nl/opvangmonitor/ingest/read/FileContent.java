package nl.opvangmonitor.ingest.read;

/**
 * What the first bytes of a delivered file say it is, so that a workbook named {@code .csv} or a CSV
 * named {@code .xlsx} is rejected with a message naming what it is, never with its bytes.
 */
enum FileContent {
    ZIP("a workbook (XLSX) or another ZIP archive"),
    OLE2("an old Excel (.xls) or password-protected workbook"),
    PDF("a PDF document"),
    BINARY("a binary file"),
    TEXT("a text (CSV) file");

    final String description;

    FileContent(String description) {
        this.description = description;
    }

    static FileContent of(byte[] head) {
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return ZIP;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return OLE2;
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return BINARY;
            }
            if ((b & 0xff) < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 100 ? BINARY : TEXT;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
