/**
 * Stream elements in and out of network buffers, shared by every shuffle implementation: the {@link
 * io.sluice.runtime.network.RecordWriter} serializes records, watermarks and events into the
 * buffers of a result partition, routed by a {@link io.sluice.runtime.network.ChannelSelector}; the
 * {@link io.sluice.runtime.network.StreamInputReader} decodes an input gate's buffers back into
 * elements. The byte layout is described in {@code ElementFormat}. Writers and readers are confined
 * to their task thread.
 */
package io.sluice.runtime.network;
