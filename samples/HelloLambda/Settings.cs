using System.Security.Cryptography;
using System.Text;

namespace HelloLambda;

public sealed record SettingsRequest(string Name);

/// <summary>What the function made of its settings. The API key itself is never returned: only its length and a fingerprint.</summary>
public sealed record SettingsView(string Greeting, int ApiKeyLength, string ApiKeyFingerprint);

/// <summary>
/// Settings kept out of the function's configuration: the greeting template comes from SSM Parameter Store and the API
/// key from Secrets Manager. The runtime resolves both once per execution environment (through the AWS Parameters and
/// Secrets Lambda Extension) and sets the variables, so the code reads them as usual. Locally, set them yourself:
/// <c>GREETING_TEMPLATE='Hi, {name}!' API_KEY=dev dotnet run -- invoke GetSettings '{"name":"Ada"}'</c>.
/// </summary>
public static class Settings
{
    [LambdaFunction(Name = "GetSettings")]
    [Environment("GREETING_TEMPLATE", FromParameter = "/hello/greeting-template")]
    [Environment("API_KEY", FromSecret = "hello/api-key")]
    public static SettingsView Get(SettingsRequest request)
    {
        var template = Read("GREETING_TEMPLATE");
        var apiKey = Read("API_KEY");
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..8];
        return new SettingsView(template.Replace("{name}", request.Name, StringComparison.Ordinal), apiKey.Length, fingerprint);
    }

    private static string Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set.");
}
