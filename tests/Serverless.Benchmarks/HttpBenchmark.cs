using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Serverless.Benchmarks.App;
using Serverless.Generated;
using Serverless.Runtime;
using Serverless.Runtime.Http;

namespace Serverless.Benchmarks;

/// <summary>
/// Per-invocation cost of the generated HTTP wrappers of tests/Serverless.Benchmarks.App (compiled by the real generator
/// at build time) against hand-written wrappers of the same routes (<see cref="HandWrittenWrappers"/>): API Gateway 2.0
/// event bytes in, proxy response bytes out, with the same AppJson context and the same trivial user methods. Batches of
/// both run interleaved; the medians per operation are compared, and the user method alone is measured so its cost can
/// be taken out of both. Allocations are GC.GetAllocatedBytesForCurrentThread per operation.
/// </summary>
internal static class HttpBenchmark
{
    private const string OrderId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    // GET /orders/{id}?lines=true with the headers API Gateway passes on and a tenant header.
    private const string GetEvent = $$"""
        {
          "version": "2.0",
          "routeKey": "GET /orders/{id}",
          "rawPath": "/orders/{{OrderId}}",
          "rawQueryString": "lines=true",
          "headers": {
            "accept": "application/json",
            "accept-encoding": "gzip, deflate, br",
            "content-length": "0",
            "host": "abc123.execute-api.eu-west-1.amazonaws.com",
            "user-agent": "curl/8.5.0",
            "x-amzn-trace-id": "Root=1-65f1a2b3-0123456789abcdef01234567",
            "x-forwarded-for": "203.0.113.7",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
            "x-tenant": "acme"
          },
          "queryStringParameters": { "lines": "true" },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": { "method": "GET", "path": "/orders/{{OrderId}}", "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0" },
            "requestId": "UzN3Nj8QjoEEMbw=",
            "routeKey": "GET /orders/{id}",
            "stage": "$default",
            "time": "12/Mar/2024:19:03:58 +0000",
            "timeEpoch": 1710270238390
          },
          "pathParameters": { "id": "{{OrderId}}" },
          "isBase64Encoded": false
        }
        """;

    // POST /orders?priority=2 with a JSON body.
    private const string PostEvent = """
        {
          "version": "2.0",
          "routeKey": "POST /orders",
          "rawPath": "/orders",
          "rawQueryString": "priority=2",
          "headers": {
            "accept": "application/json",
            "content-length": "61",
            "content-type": "application/json",
            "host": "abc123.execute-api.eu-west-1.amazonaws.com",
            "user-agent": "curl/8.5.0",
            "x-amzn-trace-id": "Root=1-65f1a2b3-0123456789abcdef01234567",
            "x-forwarded-for": "203.0.113.7",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https"
          },
          "queryStringParameters": { "priority": "2" },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": { "method": "POST", "path": "/orders", "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0" },
            "requestId": "UzN3Nj8QjoEEMbx=",
            "routeKey": "POST /orders",
            "stage": "$default",
            "time": "12/Mar/2024:19:03:58 +0000",
            "timeEpoch": 1710270238390
          },
          "body": "{\"product\":\"widget\",\"quantity\":3,\"email\":\"ada@example.com\"}",
          "isBase64Encoded": false
        }
        """;

    public static int Run(string[] args)
    {
        var batches = ReadOption(args, "--batches", 30);
        var ops = ReadOption(args, "--ops", 2_000);
        var services = new NoServices();
        var context = new BenchContext();

        var generated = LambdaApp.Application.Functions.ToDictionary(f => f.Name, f => f.Create(services));
        var getInvocation = new LambdaInvocation(Encoding.UTF8.GetBytes(GetEvent), context, services);
        var postInvocation = new LambdaInvocation(Encoding.UTF8.GetBytes(PostEvent), context, services);
        var newOrder = new NewOrder { Product = "widget", Quantity = 3, Email = "ada@example.com" };

        Route[] routes =
        [
            new("GET /orders/{id}?lines=true + header", getInvocation, generated["OrdersApiGet"], HandWrittenWrappers.GetOrder,
                () => OrdersApi.Get(new Guid(OrderId), true, "acme")),
            new("POST /orders?priority=2 + JSON body", postInvocation, generated["OrdersApiCreate"], HandWrittenWrappers.CreateOrder,
                () => OrdersApi.Create(newOrder, 2)),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTTP wrappers, API Gateway 2.0 event in, response out: {batches} interleaved batches of {ops} invocations each; medians per invocation"));
        foreach (var route in routes)
        {
            var generatedResponse = Body(Invoke(route.Generated, route.Invocation));
            var handResponse = Body(Invoke(route.HandWritten, route.Invocation));
            if (generatedResponse != handResponse)
            {
                Console.Error.WriteLine($"{route.Name}: the wrappers answer differently\n  generated:    {generatedResponse}\n  hand-written: {handResponse}");
                return 1;
            }

            // Warm-up past tiered compilation (tier 0, OSR, then tier 1 with PGO after the 100 ms back-off).
            var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            while (Stopwatch.GetTimestamp() < warmUntil)
            {
                MeasureBatch(route.Generated, route.Invocation, ops);
                MeasureBatch(route.HandWritten, route.Invocation, ops);
                MeasureBatch(route.UserMethod, ops);
                MeasureBatch(() => HttpFunction.ReadRequest(route.Invocation), ops);
            }

            var generatedTimes = new List<double>();
            var handTimes = new List<double>();
            var userTimes = new List<double>();
            var readTimes = new List<double>();
            double generatedBytes = 0, handBytes = 0, userBytes = 0, readBytes = 0;
            for (var i = 0; i < batches; i++)
            {
                // Alternate which wrapper goes first, so neither always runs in the other's wake.
                double gt, gb, ht, hb;
                if (i % 2 == 0)
                {
                    (gt, gb) = MeasureBatch(route.Generated, route.Invocation, ops);
                    (ht, hb) = MeasureBatch(route.HandWritten, route.Invocation, ops);
                }
                else
                {
                    (ht, hb) = MeasureBatch(route.HandWritten, route.Invocation, ops);
                    (gt, gb) = MeasureBatch(route.Generated, route.Invocation, ops);
                }

                var (ut, ub) = MeasureBatch(route.UserMethod, ops);
                var (rt, rb) = MeasureBatch(() => HttpFunction.ReadRequest(route.Invocation), ops);
                generatedTimes.Add(gt);
                handTimes.Add(ht);
                userTimes.Add(ut);
                readTimes.Add(rt);
                generatedBytes = gb;
                handBytes = hb;
                userBytes = ub;
                readBytes = rb;
            }

            var g = Median(generatedTimes);
            var h = Median(handTimes);
            var u = Median(userTimes);
            var r = Median(readTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                {route.Name} (response {Encoding.UTF8.GetByteCount(generatedResponse)} bytes, identical for both)
                                              time/op      alloc/op
                  generated wrapper       {g,10:F0} ns  {generatedBytes,9:F0} B
                  hand-written wrapper    {h,10:F0} ns  {handBytes,9:F0} B
                  user method alone       {u,10:F0} ns  {userBytes,9:F0} B
                  event reading alone     {r,10:F0} ns  {readBytes,9:F0} B   (HttpFunction.ReadRequest, shared by both)
                  ratio generated / hand-written   {g / h:F2}x time   {generatedBytes / handBytes:F2}x alloc
                  ratio, user method taken out     {(g - u) / (h - u):F2}x time   {(generatedBytes - userBytes) / (handBytes - userBytes):F2}x alloc   (goal <= 1.2x)
                """));
        }

        return 0;
    }

    private static (double NanosecondsPerOp, double BytesPerOp) MeasureBatch(LambdaFunctionHandler handler, LambdaInvocation invocation, int ops)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < ops; i++)
        {
            Invoke(handler, invocation);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return (elapsed.TotalNanoseconds / ops, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)ops);
    }

    private static (double NanosecondsPerOp, double BytesPerOp) MeasureBatch(Func<object?> userMethod, int ops)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        object? sink = null;
        for (var i = 0; i < ops; i++)
        {
            sink = userMethod();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(sink);
        return (elapsed.TotalNanoseconds / ops, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)ops);
    }

    private static LambdaResponse Invoke(LambdaFunctionHandler handler, LambdaInvocation invocation)
    {
        var pending = handler(invocation);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    // The buffered bytes of a response (internal to the runtime): read once per route to check that both wrappers agree.
    private static string Body(LambdaResponse response)
    {
        var field = typeof(LambdaResponse).GetField("_bytes", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("LambdaResponse has no _bytes field any more; update the check.");
        return Encoding.UTF8.GetString(((ReadOnlyMemory<byte>)field.GetValue(response)!).Span);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Route(string Name, LambdaInvocation Invocation, LambdaFunctionHandler Generated,
        LambdaFunctionHandler HandWritten, Func<object?> UserMethod);

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class BenchContext : ILambdaContext, ILambdaLogger
    {
        public string AwsRequestId => "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
        public string FunctionName => "bench";
        public string FunctionVersion => "$LATEST";
        public string InvokedFunctionArn => "arn:aws:lambda:eu-west-1:123456789012:function:bench";
        public int MemoryLimitInMB => 512;
        public string LogGroupName => "/aws/lambda/bench";
        public string LogStreamName => "bench";
        public DateTimeOffset Deadline => DateTimeOffset.MaxValue;
        public TimeSpan RemainingTime => TimeSpan.FromMinutes(15);
        public string? TraceId => null;
        public string? ClientContext => null;
        public string? CognitoIdentity => null;
        public ILambdaLogger Logger => this;

        public void Log(LambdaLogLevel level, string message, Exception? exception = null) =>
            Console.Error.WriteLine($"{level}: {message} {exception}");
    }
}
