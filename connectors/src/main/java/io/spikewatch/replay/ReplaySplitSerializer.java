package io.spikewatch.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Checkpoint form of a {@link ReplaySplit}: the file paths and the lines consumed in each. */
final class ReplaySplitSerializer implements SimpleVersionedSerializer<ReplaySplit> {

    static final ReplaySplitSerializer INSTANCE = new ReplaySplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ReplaySplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(split.cursors().size());
        for (FileCursor cursor : split.cursors()) {
            out.writeUTF(cursor.path());
            out.writeLong(cursor.linesConsumed());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public ReplaySplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown replay split version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<FileCursor> cursors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cursors.add(new FileCursor(in.readUTF(), in.readLong()));
        }
        return new ReplaySplit(cursors);
    }
}
