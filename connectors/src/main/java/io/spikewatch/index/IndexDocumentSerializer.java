package io.spikewatch.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/**
 * Writes the documents buffered in a checkpoint. Layout of version {@value #VERSION}: index and id
 * as modified UTF-8, the operation as one byte ({@link #INDEX_CODE} or {@link #CREATE_IF_ABSENT_CODE}),
 * then the JSON bytes with their length. Version 1, written before documents had an operation,
 * lacks the operation byte; its documents are read back as {@link IndexOperation#INDEX}, which is
 * what they were sent with. Bump the version when the layout changes, and keep reading the old ones.
 */
public final class IndexDocumentSerializer extends AsyncSinkWriterStateSerializer<IndexDocument> {

    static final int VERSION = 2;
    /** The layout without the operation byte. */
    static final int VERSION_WITHOUT_OPERATION = 1;
    static final byte INDEX_CODE = 0;
    static final byte CREATE_IF_ABSENT_CODE = 1;

    @Override
    protected void serializeRequestToStream(IndexDocument document, DataOutputStream out) throws IOException {
        out.writeUTF(document.index());
        out.writeUTF(document.id());
        out.writeByte(code(document.operation()));
        out.writeInt(document.json().length);
        out.write(document.json());
    }

    @Override
    protected IndexDocument deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        IndexOperation operation = operation(in.readByte(), index, id);
        return new IndexDocument(index, id, readJson(requestSize, in, index, id), operation);
    }

    @Override
    public BufferedRequestState<IndexDocument> deserialize(int version, byte[] serialized) throws IOException {
        return switch (version) {
            case VERSION -> super.deserialize(version, serialized);
            case VERSION_WITHOUT_OPERATION -> new WithoutOperation().deserialize(version, serialized);
            default -> throw new IOException("cannot read buffered Elasticsearch documents of serializer version " + version
                    + " (this build reads versions " + VERSION_WITHOUT_OPERATION + " to " + VERSION + ")");
        };
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    private static byte code(IndexOperation operation) {
        return switch (operation) {
            case INDEX -> INDEX_CODE;
            case CREATE_IF_ABSENT -> CREATE_IF_ABSENT_CODE;
        };
    }

    private static IndexOperation operation(byte code, String index, String id) throws IOException {
        return switch (code) {
            case INDEX_CODE -> IndexOperation.INDEX;
            case CREATE_IF_ABSENT_CODE -> IndexOperation.CREATE_IF_ABSENT;
            default -> throw new IOException("corrupt checkpoint: document " + index + "/" + id + " has unknown operation code " + code);
        };
    }

    private static byte[] readJson(long requestSize, DataInputStream in, String index, String id) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > requestSize) {
            throw new IOException("corrupt checkpoint: document " + index + "/" + id + " claims " + length
                    + " bytes of JSON in an entry of " + requestSize + " bytes");
        }
        byte[] json = new byte[length];
        in.readFully(json);
        return json;
    }

    /**
     * Version 1: no operation byte, every document an {@link IndexOperation#INDEX}. Read for
     * checkpoints taken before version 2; its writer is kept so a test can write such a checkpoint.
     */
    static final class WithoutOperation extends AsyncSinkWriterStateSerializer<IndexDocument> {

        @Override
        protected void serializeRequestToStream(IndexDocument document, DataOutputStream out) throws IOException {
            out.writeUTF(document.index());
            out.writeUTF(document.id());
            out.writeInt(document.json().length);
            out.write(document.json());
        }

        @Override
        protected IndexDocument deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
            String index = in.readUTF();
            String id = in.readUTF();
            return new IndexDocument(index, id, readJson(requestSize, in, index, id));
        }

        @Override
        public int getVersion() {
            return VERSION_WITHOUT_OPERATION;
        }
    }
}
