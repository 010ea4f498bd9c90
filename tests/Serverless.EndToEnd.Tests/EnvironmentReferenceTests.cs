using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// [Environment(..., FromParameter/FromSecret)] in the sample built against the package (GetSettings in
/// samples/HelloLambda/Settings.cs): the app resolves both references through a fake AWS Parameters and Secrets
/// Lambda Extension, and the template grants the reads and adds the extension layer.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class EnvironmentReferenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GetSettings_resolves_the_parameter_and_the_secret_on_the_first_invocation_once_per_environment()
    {
        var app = await SampleApp.GetAsync();
        await using var extension = await SettingsSample.StartExtensionAsync();
        await using var host = await RuntimeApiTestHost.StartAsync();
        await using var process = LambdaProcess.StartRuntime(app.Executable, host, SettingsSample.Function, SettingsSample.EnvironmentFor(extension));

        // The extension answers only during invocations: nothing is fetched at init.
        await host.FirstNext.WaitAsync(Timeout);
        Assert.Empty(extension.Requests);

        var first = await host.InvokeAsync(new TestInvocation("""{"name":"Ada"}""") { RequestId = "req-settings-1" }, Timeout);
        Assert.False(first.IsError, first + "\n" + process.Stdout + process.Stderr);
        Assert.Equal(SettingsSample.ExpectedBody("Ada"), first.BodyText);
        var second = await host.InvokeAsync("""{"name":"Grace"}""", Timeout);
        Assert.False(second.IsError, second.ToString());
        Assert.Equal(SettingsSample.ExpectedBody("Grace"), second.BodyText);
        var malformed = await host.InvokeAsync("""{"name":""", Timeout);
        Assert.Equal("LambdaSerializationException", malformed.ErrorType);
        using (var error = JsonDocument.Parse(malformed.Body))
        {
            Assert.StartsWith("The payload could not be deserialized as SettingsRequest: ", error.RootElement.GetProperty("errorMessage").GetString());
            Assert.Equal(0, error.RootElement.GetProperty("stackTrace").GetArrayLength());
        }

        var third = await host.InvokeAsync("""{"name":"Lin"}""", Timeout);
        Assert.Equal(SettingsSample.ExpectedBody("Lin"), third.BodyText);

        SettingsSample.AssertEachNameFetchedOnceWithTheToken(extension);
        Assert.False(process.Process.HasExited, process.Stdout + process.Stderr);
        Assert.DoesNotContain(SettingsSample.ApiKey, process.Stdout + process.Stderr);
    }

    [Fact]
    public async Task A_missing_parameter_fails_the_invocation_naming_the_variable_and_the_reference_and_the_next_invocation_succeeds()
    {
        var app = await SampleApp.GetAsync();
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.Secrets[SettingsSample.SecretId] = SettingsSample.ApiKey;   // the parameter is not there yet
        await using var host = await RuntimeApiTestHost.StartAsync();
        await using var process = LambdaProcess.StartRuntime(app.Executable, host, SettingsSample.Function, SettingsSample.EnvironmentFor(extension));

        var failed = await host.InvokeAsync(new TestInvocation("""{"name":"Ada"}""") { RequestId = "req-settings-missing" }, Timeout);

        Assert.True(failed.IsError, failed.ToString());
        Assert.Equal("EnvironmentReferenceException", failed.ErrorType);
        using (var error = JsonDocument.Parse(failed.Body))
        {
            Assert.Equal("EnvironmentReferenceException", error.RootElement.GetProperty("errorType").GetString());
            var message = error.RootElement.GetProperty("errorMessage").GetString()!;
            Assert.StartsWith(
                "Environment variable 'GREETING_TEMPLATE' could not be resolved from SSM parameter '/hello/greeting-template': "
                + $"the AWS Parameters and Secrets Lambda Extension at http://localhost:{extension.Port} answered HTTP 400 (Bad Request).",
                message);
            Assert.Contains("ParametersSecretsExtensionLayerArn", message);
        }

        // No value in the error (the secret may already have been resolved) nor in the logs.
        Assert.DoesNotContain(SettingsSample.ApiKey, failed.BodyText);
        Assert.False(process.Process.HasExited, process.Stdout + process.Stderr);

        // Fixed in Parameter Store: the same execution environment tries again and serves.
        extension.Parameters[SettingsSample.ParameterName] = SettingsSample.GreetingTemplate;
        var retried = await host.InvokeAsync(new TestInvocation("""{"name":"Ada"}""") { RequestId = "req-settings-retry" }, Timeout);
        Assert.False(retried.IsError, retried + "\n" + process.Stdout + process.Stderr);
        Assert.Equal(SettingsSample.ExpectedBody("Ada"), retried.BodyText);
        var again = await host.InvokeAsync("""{"name":"Grace"}""", Timeout);
        Assert.Equal(SettingsSample.ExpectedBody("Grace"), again.BodyText);

        // The parameter was asked for twice (the failure, the retry), the secret once; all with the session token.
        var requests = extension.Requests.ToArray();
        Assert.Equal(2, requests.Count(r => r.Name == SettingsSample.ParameterName));
        Assert.Single(requests, r => r.Name == SettingsSample.SecretId);
        Assert.All(requests, r => Assert.Equal(SettingsSample.SessionToken, r.Token));
        Assert.DoesNotContain(SettingsSample.ApiKey, process.Stdout + process.Stderr);
    }

    [Fact]
    public async Task The_local_tool_resolves_through_the_extension_and_a_variable_set_by_the_user_wins()
    {
        var app = await SampleApp.GetAsync();
        await using var extension = await SettingsSample.StartExtensionAsync();

        var resolved = await LambdaProcess.RunToolAsync(app.Executable, ["invoke", SettingsSample.Function, """{"name":"Ada"}"""],
            environment: SettingsSample.EnvironmentFor(extension));
        Assert.True(resolved.Process.ExitCode == 0, resolved.Stderr);
        Assert.Equal(SettingsSample.ExpectedBody("Ada") + "\n", resolved.Stdout);
        SettingsSample.AssertEachNameFetchedOnceWithTheToken(extension);

        var environment = SettingsSample.EnvironmentFor(extension);
        environment["GREETING_TEMPLATE"] = "Hey {name}";
        environment["API_KEY"] = "local";
        var overridden = await LambdaProcess.RunToolAsync(app.Executable, ["invoke", SettingsSample.Function, """{"name":"Ada"}"""],
            environment: environment);
        Assert.True(overridden.Process.ExitCode == 0, overridden.Stderr);
        Assert.Equal("""{"greeting":"Hey Ada","apiKeyLength":5,"apiKeyFingerprint":"25bf8e1a"}""" + "\n", overridden.Stdout);
        Assert.Equal(2, extension.Requests.Count);   // nothing more was fetched
    }

    [Fact]
    public async Task The_template_grants_the_reads_and_adds_the_extension_layer_for_GetSettings()
    {
        var app = await SampleApp.GetAsync();
        var template = JsonNode.Parse(File.ReadAllText(app.TemplatePath))!;
        var function = template["Resources"]![SettingsSample.Function]!;
        var properties = function["Properties"]!;

        // The variables hold the parameter name and the secret id, never a value.
        var variables = properties["Environment"]!["Variables"]!;
        Assert.Equal(SettingsSample.ParameterName, variables["GREETING_TEMPLATE"]!.GetValue<string>());
        Assert.Equal(SettingsSample.SecretId, variables["API_KEY"]!.GetValue<string>());
        Assert.Equal("dev", variables["STAGE"]!.GetValue<string>());

        var policies = properties["Policies"]!.AsArray();
        Assert.Equal(2, policies.Count);
        Assert.Equal("hello/greeting-template", policies[0]!["SSMParameterReadPolicy"]!["ParameterName"]!.GetValue<string>());
        Assert.Equal(
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:hello/api-key-??????",
            policies[1]!["AWSSecretsManagerGetSecretValuePolicy"]!["SecretArn"]!["Fn::Sub"]!.GetValue<string>());

        var layer = Assert.Single(properties["Layers"]!.AsArray());
        Assert.Equal("ParametersSecretsExtensionLayerArn", layer!["Ref"]!.GetValue<string>());
        var parameter = template["Parameters"]!["ParametersSecretsExtensionLayerArn"]!;
        Assert.Equal("String", parameter["Type"]!.GetValue<string>());
        Assert.Contains("ps-integration-lambda-extensions", parameter["Description"]!.GetValue<string>());
        Assert.Contains("ParametersSecretsExtensionLayerArn",
            template["Metadata"]!["ServerlessAnalyzers"]!["Parameters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("Layers", function["Metadata"]!["ServerlessAnalyzers"]!["Properties"]!.AsArray().Select(p => p!.GetValue<string>()));

        // Functions without references get neither.
        Assert.Null(template["Resources"]!["Hello"]!["Properties"]!["Layers"]);
        Assert.Null(template["Resources"]!["Hello"]!["Properties"]!["Policies"]);
    }
}

/// <summary>The sample's GetSettings function and what a fake extension serves it (also used by <see cref="NativeAotTests"/>).</summary>
internal static class SettingsSample
{
    public const string Function = "GetSettings";
    public const string ParameterName = "/hello/greeting-template";
    public const string SecretId = "hello/api-key";
    public const string GreetingTemplate = "Hi {name}, from Parameter Store!";
    public const string ApiKey = "sk-test-4f9c2b7e1d";
    public const string SessionToken = "session-token-e2e";

    /// <summary>The body for <paramref name="name"/>: the template filled in, the key's length (18) and SHA-256 prefix.</summary>
    public static string ExpectedBody(string name) =>
        $$"""{"greeting":"Hi {{name}}, from Parameter Store!","apiKeyLength":18,"apiKeyFingerprint":"c8c62be1"}""";

    /// <summary>A fake extension serving the parameter and the secret.</summary>
    public static async Task<ParametersSecretsExtensionFake> StartExtensionAsync()
    {
        var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.Parameters[ParameterName] = GreetingTemplate;
        extension.Secrets[SecretId] = ApiKey;
        return extension;
    }

    /// <summary>
    /// The app's variables as Lambda sets them for the deployed template: the extension's port, the session token,
    /// and the two variables holding the references' names.
    /// </summary>
    public static Dictionary<string, string?> EnvironmentFor(ParametersSecretsExtensionFake extension)
    {
        var environment = extension.EnvironmentFor(SessionToken);
        environment["GREETING_TEMPLATE"] = ParameterName;
        environment["API_KEY"] = SecretId;
        return environment;
    }

    /// <summary>One request per name, each with the documented path and query and the session token header.</summary>
    public static void AssertEachNameFetchedOnceWithTheToken(ParametersSecretsExtensionFake extension)
    {
        var requests = extension.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var parameter = Assert.Single(requests, r => r.Path == "/systemsmanager/parameters/get");
        Assert.Equal("?name=%2Fhello%2Fgreeting-template&withDecryption=true", parameter.Query);
        Assert.Equal(ParameterName, parameter.Name);
        Assert.Equal(SessionToken, parameter.Token);
        var secret = Assert.Single(requests, r => r.Path == "/secretsmanager/get");
        Assert.Equal("?secretId=hello%2Fapi-key", secret.Query);
        Assert.Equal(SecretId, secret.Name);
        Assert.Equal(SessionToken, secret.Token);
    }
}
