using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Industry.EndToEndTests;

/// <summary>
/// Calls a method known only by its descriptor (so that tests cover every method of the contracts without naming one),
/// with request messages as bytes: a fuzzed message need not even parse.
/// </summary>
internal static class DescriptorCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>
    /// Sends <paramref name="frames"/> (the first one for a unary or server-streaming call; all, even none, on a
    /// request stream) and returns the last response message (empty when a response stream carried none).
    /// </summary>
    public static async Task<byte[]> CallAsync(CallInvoker invoker, MethodDescriptor descriptor, IReadOnlyList<byte[]> frames, CallOptions options)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);
        switch (type)
        {
            case MethodType.Unary:
                return await invoker.AsyncUnaryCall(method, null, options, frames[0]);
            case MethodType.ClientStreaming:
                using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                {
                    await WriteAllAsync(call.RequestStream, frames);
                    return await call.ResponseAsync;
                }

            case MethodType.ServerStreaming:
                using (var call = invoker.AsyncServerStreamingCall(method, null, options, frames[0]))
                {
                    var last = Array.Empty<byte>();
                    await foreach (var message in call.ResponseStream.ReadAllAsync())
                    {
                        last = message;
                    }

                    return last;
                }

            default:
                using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                {
                    await WriteAllAsync(call.RequestStream, frames);
                    var last = Array.Empty<byte>();
                    await foreach (var message in call.ResponseStream.ReadAllAsync())
                    {
                        last = message;
                    }

                    return last;
                }
        }
    }

    private static async Task WriteAllAsync(IClientStreamWriter<byte[]> stream, IReadOnlyList<byte[]> frames)
    {
        try
        {
            foreach (var frame in frames)
            {
                await stream.WriteAsync(frame);
            }

            await stream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
        {
            // The server answered before the stream ended (a refused frame): the response carries its status.
        }
    }
}
