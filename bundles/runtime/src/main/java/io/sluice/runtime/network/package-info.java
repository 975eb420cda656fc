/**
 * Stream elements in and out of network buffers, shared by every shuffle implementation: the {@link
 * io.sluice.runtime.network.RecordWriter} serializes records, watermarks, watermark status (idle or
 * active) and events into the buffers of a result partition, routed by a {@link
 * io.sluice.runtime.network.ChannelSelector}; the {@link
 * io.sluice.runtime.network.StreamInputReader} decodes an input gate's buffers back into elements.
 * The byte layout is described in {@code ElementFormat}. A {@link
 * io.sluice.runtime.network.WatermarkValve} combines the watermarks and status of a gate's
 * channels. Writers, readers and valves are confined to their task thread.
 */
package io.sluice.runtime.network;
