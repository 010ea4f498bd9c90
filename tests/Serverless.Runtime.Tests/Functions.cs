using System.Text;

namespace Serverless.Runtime.Tests;

/// <summary>Hand-written definitions, shaped like the generator's wrappers.</summary>
internal static class Functions
{
    /// <summary>Greet: Greeting -> Reply (source-generated JSON); "fail" as the name throws.</summary>
    public static LambdaFunctionDefinition Greet(int memorySize = 256, int timeout = 10) =>
        new("Greet", _ => invocation =>
        {
            var greeting = LambdaPayload.Deserialize(invocation.Payload, TestJson.Default.Greeting);
            if (greeting.Name == "fail")
            {
                throw new InvalidOperationException("boom");
            }

            invocation.Context.Logger.LogInformation("greeting " + greeting.Name);
            var reply = new Reply("Hello, " + greeting.Name + "!", greeting.Name.Length);
            return ValueTask.FromResult(LambdaResponse.FromJson(reply, TestJson.Default.Reply));
        }, memorySize, timeout);

    /// <summary>Echo: returns the payload bytes as they came.</summary>
    public static LambdaFunctionDefinition Echo() =>
        new("Echo", _ => invocation => ValueTask.FromResult(LambdaResponse.FromUtf8(invocation.Payload.ToArray())));

    /// <summary>A definition from a lambda over the invocation.</summary>
    public static LambdaFunctionDefinition From(string name, Func<LambdaInvocation, ValueTask<LambdaResponse>> handler,
        int memorySize = 0, int timeout = 0) =>
        new(name, _ => new LambdaFunctionHandler(handler), memorySize, timeout);

    /// <summary>A definition whose handler returns a string as JSON.</summary>
    public static LambdaFunctionDefinition Text(string name, Func<LambdaInvocation, string> handler) =>
        From(name, invocation => ValueTask.FromResult(LambdaResponse.FromUtf8(Encoding.UTF8.GetBytes(handler(invocation)))));

    public static LambdaApplication App(params LambdaFunctionDefinition[] functions) => new(functions);
}
