using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.TestHost;

namespace Serverless.Runtime.Tests;

/// <summary>
/// [Environment(key, FromParameter/FromSecret)]: resolved through a fake AWS Parameters and Secrets Lambda Extension
/// (<see cref="ParametersSecretsExtensionFake"/>: Kestrel on 127.0.0.1, reached as localhost:PARAMETERS_SECRETS_EXTENSION_HTTP_PORT
/// like the real one).
/// </summary>
public sealed class EnvironmentReferenceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>The environment a test's definition reads, once the harness has made it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dictionary<string, string?>, Dictionary<string, string?>> Current = new();

    /// <summary>A definition whose Create captures the variables it sees and whose handler returns them.</summary>
    private static LambdaFunctionDefinition Reader(Dictionary<string, string?> environment, List<string> seenAtCreate, params EnvironmentReference[] references) =>
        new("Reader", _ =>
        {
            var current = Current.TryGetValue(environment, out var replaced) ? replaced : environment;
            seenAtCreate.Add(string.Join(";", references.Select(r => r.Variable + "=" + (current.TryGetValue(r.Variable, out var v) ? v : "<unset>"))));
            return _ => ValueTask.FromResult(LambdaResponse.FromUtf8(Encoding.UTF8.GetBytes(
                string.Join(";", references.Select(r => r.Variable + "=" + current[r.Variable])))));
        })
        {
            EnvironmentReferences = references,
        };

    [Fact]
    public async Task Resolves_parameters_and_secrets_before_Create_through_the_extension()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.Parameters["/orders/db-password"] = "hunter2 é";
        extension.Secrets["orders/api-key"] = "{\"key\":\"k-1\"}";
        var seen = new List<string>();
        var environment = new Dictionary<string, string?>();
        var definition = Reader(environment, seen,
            EnvironmentReference.Parameter("DB_PASSWORD", "/orders/db-password"),
            EnvironmentReference.Secret("API_KEY", "orders/api-key"),
            EnvironmentReference.Parameter("SAME_PASSWORD", "/orders/db-password"));

        await using var harness = await StartAsync(definition, extension, environment, new()
        {
            // As the template deploys it: the variable holds the reference's name.
            ["DB_PASSWORD"] = "/orders/db-password",
            ["AWS_SESSION_TOKEN"] = "session-token",
        });
        var first = await harness.Host.InvokeAsync("{}", Wait);
        var second = await harness.Host.InvokeAsync("{}", Wait);

        Assert.False(first.IsError, first.ToString());
        Assert.Equal("DB_PASSWORD=hunter2 é;API_KEY={\"key\":\"k-1\"};SAME_PASSWORD=hunter2 é", first.BodyText);
        Assert.Equal(first.BodyText, second.BodyText);
        Assert.Equal(new[] { "DB_PASSWORD=hunter2 é;API_KEY={\"key\":\"k-1\"};SAME_PASSWORD=hunter2 é" }, seen);

        // Once per process and per reference, with the documented API.
        Assert.Equal(2, extension.Requests.Count);
        var parameter = Assert.Single(extension.Requests, r => r.Path == "/systemsmanager/parameters/get");
        Assert.Equal("?name=%2Forders%2Fdb-password&withDecryption=true", parameter.Query);
        Assert.Equal("session-token", parameter.Token);
        var secret = Assert.Single(extension.Requests, r => r.Path == "/secretsmanager/get");
        Assert.Equal("?secretId=orders%2Fapi-key", secret.Query);
        Assert.Equal("session-token", secret.Token);
    }

    [Fact]
    public async Task A_failure_is_the_invocations_error_naming_the_variable_and_the_reference_and_the_next_invocation_retries()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.Parameters["/orders/db-password"] = "hunter2";
        extension.FailNext = HttpStatusCode.Forbidden;
        var seen = new List<string>();
        var environment = new Dictionary<string, string?>();
        var definition = Reader(environment, seen, EnvironmentReference.Parameter("DB_PASSWORD", "/orders/db-password"));

        await using var harness = await StartAsync(definition, extension, environment);
        var failed = await harness.Host.InvokeAsync("{}", Wait);
        var retried = await harness.Host.InvokeAsync("{}", Wait);

        Assert.True(failed.IsError);
        Assert.Equal("EnvironmentReferenceException", failed.ErrorType);
        using var error = JsonDocument.Parse(failed.Body);
        var message = error.RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains("'DB_PASSWORD'", message);
        Assert.Contains("SSM parameter '/orders/db-password'", message);
        Assert.Contains("HTTP 403", message);
        Assert.DoesNotContain("hunter2", message);
        Assert.DoesNotContain("hunter2", harness.Stdout.Text);

        Assert.False(retried.IsError, retried.ToString());
        Assert.Equal("DB_PASSWORD=hunter2", retried.BodyText);
        Assert.Single(seen);
    }

    [Fact]
    public async Task A_variable_set_to_another_value_wins_and_nothing_is_fetched()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        var seen = new List<string>();
        var environment = new Dictionary<string, string?>();
        var definition = Reader(environment, seen, EnvironmentReference.Secret("API_KEY", "orders/api-key"));

        await using var harness = await StartAsync(definition, extension, environment, new() { ["API_KEY"] = "override" });
        var result = await harness.Host.InvokeAsync("{}", Wait);

        Assert.Equal("API_KEY=override", result.BodyText);
        Assert.Empty(extension.Requests);
    }

    [Fact]
    public async Task Sets_the_process_environment_so_user_code_reads_it_as_usual()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        var variable = "SLS_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        extension.Secrets["arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/x-AbCdEf"] = "from secrets manager";
        var definition = new LambdaFunctionDefinition("Reader", _ =>
        {
            var atCreate = Environment.GetEnvironmentVariable(variable);
            return _ => ValueTask.FromResult(LambdaResponse.FromUtf8(Encoding.UTF8.GetBytes(atCreate + "|" + Environment.GetEnvironmentVariable(variable))));
        })
        {
            EnvironmentReferences = [EnvironmentReference.Secret(variable, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/x-AbCdEf")],
        };

        await using var harness = await BootstrapHarness.StartAsync(Functions.App(definition), "Reader", new Dictionary<string, string?>
        {
            [EnvironmentReferenceResolver.PortVariable] = extension.Port.ToString(CultureInfo.InvariantCulture),
        }, processEnvironment: true);
        try
        {
            var result = await harness.Host.InvokeAsync("{}", Wait);
            Assert.Equal("from secrets manager|from secrets manager", result.BodyText);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Functions_without_references_are_still_created_at_init()
    {
        var created = 0;
        var definition = new LambdaFunctionDefinition("Plain", _ =>
        {
            Interlocked.Increment(ref created);
            return _ => ValueTask.FromResult(LambdaResponse.Empty);
        });
        await using var harness = await BootstrapHarness.StartAsync(Functions.App(definition), "Plain");
        await harness.Host.FirstNext.WaitAsync(Wait);

        Assert.Equal(1, Volatile.Read(ref created));
    }

    [Fact]
    public async Task Local_tool_resolves_through_an_answering_endpoint()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.Parameters["/orders/config"] = "{\"mode\":\"fast\"}";
        var environment = new Dictionary<string, string?> { [EnvironmentReferenceResolver.PortVariable] = extension.Port.ToString(CultureInfo.InvariantCulture) };
        var definition = Reader(environment, [], EnvironmentReference.Parameter("CONFIG", "/orders/config"));

        var (exitCode, stdout, stderr) = await RunLocalAsync(definition, environment);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("CONFIG={\"mode\":\"fast\"}", stdout);
        var request = Assert.Single(extension.Requests);
        Assert.Null(request.Token);   // no AWS_SESSION_TOKEN locally: no header
    }

    [Fact]
    public async Task Local_tool_without_an_endpoint_tells_the_user_to_set_the_variable()
    {
        var environment = new Dictionary<string, string?> { [EnvironmentReferenceResolver.PortVariable] = ClosedPort().ToString(CultureInfo.InvariantCulture) };
        var definition = Reader(environment, [], EnvironmentReference.Secret("DB_PASSWORD", "orders/db_password"));

        var (exitCode, stdout, stderr) = await RunLocalAsync(definition, environment);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("Environment variable 'DB_PASSWORD' could not be resolved from Secrets Manager secret 'orders/db_password'", stderr);
        Assert.Contains("For a local run, set DB_PASSWORD yourself", stderr);
    }

    [Fact]
    public async Task Local_tool_uses_a_variable_the_user_set()
    {
        var environment = new Dictionary<string, string?>
        {
            [EnvironmentReferenceResolver.PortVariable] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["DB_PASSWORD"] = "local-password",
        };
        var definition = Reader(environment, [], EnvironmentReference.Secret("DB_PASSWORD", "orders/db_password"));

        var (exitCode, stdout, stderr) = await RunLocalAsync(definition, environment);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("DB_PASSWORD=local-password", stdout);
    }

    [Fact]
    public async Task Answers_without_a_value_are_errors()
    {
        await using var extension = await ParametersSecretsExtensionFake.StartAsync();
        extension.RawSecrets["binary"] = """{"Name":"binary","SecretBinary":"AAEC"}""";
        var environment = new Dictionary<string, string?> { [EnvironmentReferenceResolver.PortVariable] = extension.Port.ToString(CultureInfo.InvariantCulture) };

        var ex = await Assert.ThrowsAsync<EnvironmentReferenceException>(() => EnvironmentReferenceResolver.ResolveAsync(
            [EnvironmentReference.Secret("BLOB", "binary")], LambdaEnvironment.FromDictionary(environment), local: true, CancellationToken.None));

        Assert.Equal("Environment variable 'BLOB' could not be resolved from Secrets Manager secret 'binary': the secret has no SecretString (binary secrets cannot be environment variables).", ex.Message);
    }

    [Fact]
    public void Definition_validates_references()
    {
        Assert.Throws<ArgumentException>(() => EnvironmentReference.Parameter("", "/p"));
        Assert.Throws<ArgumentException>(() => EnvironmentReference.Secret("X", ""));
        Assert.Throws<ArgumentNullException>(() => new LambdaFunctionDefinition("F", _ => _ => default) { EnvironmentReferences = null! });
        Assert.Throws<ArgumentNullException>(() => new LambdaFunctionDefinition("F", _ => _ => default) { EnvironmentReferences = [null!] });
        Assert.Empty(new LambdaFunctionDefinition("F", _ => _ => default).EnvironmentReferences);
        Assert.Equal("X <- SSM parameter '/p'", EnvironmentReference.Parameter("X", "/p").ToString());
    }

    private static async Task<BootstrapHarness> StartAsync(LambdaFunctionDefinition definition, ParametersSecretsExtensionFake extension,
        Dictionary<string, string?> environment, Dictionary<string, string?>? extra = null)
    {
        var variables = new Dictionary<string, string?>
        {
            [EnvironmentReferenceResolver.PortVariable] = extension.Port.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extra ?? [])
        {
            variables[name] = value;
        }

        // The definition reads the harness's environment (a dictionary standing for the process environment).
        var harness = await BootstrapHarness.StartAsync(Functions.App(definition), definition.Name, variables);
        Current.AddOrUpdate(environment, harness.Environment);
        return harness;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunLocalAsync(LambdaFunctionDefinition definition, Dictionary<string, string?> environment)
    {
        var stdout = new CapturedStream();
        var stderr = new CapturedStream();
        var exitCode = await LambdaHost.RunAsync(["invoke", definition.Name], Functions.App(definition), new LambdaHostOptions
        {
            Environment = LambdaEnvironment.FromDictionary(environment),
            Stdout = stdout,
            Stderr = stderr,
            Stdin = Stream.Null,
        });
        return (exitCode, stdout.Text, stderr.Text);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
