using System.Text.Json.Serialization;

namespace Serverless.Runtime.Tests;

public sealed record Greeting(string Name);

public sealed record Reply(string Message, int Length);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Reply))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class TestJson : JsonSerializerContext;
