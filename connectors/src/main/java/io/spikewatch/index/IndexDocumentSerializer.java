package io.spikewatch.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Writes the documents buffered in a checkpoint: index and id as modified UTF-8, then the JSON
 * bytes with their length. Version {@link #VERSION}; bump it when the layout changes.
 */
public final class IndexDocumentSerializer extends AsyncSinkWriterStateSerializer<IndexDocument> {

    static final int VERSION = 1;

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
        int length = in.readInt();
        if (length < 0 || length > requestSize) {
            throw new IOException("corrupt checkpoint: document " + index + "/" + id + " claims " + length
                    + " bytes of JSON in an entry of " + requestSize + " bytes");
        }
        byte[] json = new byte[length];
        in.readFully(json);
        return new IndexDocument(index, id, json);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
