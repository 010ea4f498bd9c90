using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// The sample published with Native AOT: no trimming or AOT warnings, and the binary serves, environment references
/// (resolved through the Parameters and Secrets extension) included.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class NativeAotTests
{
    [Fact]
    public async Task Publishing_with_native_aot_has_no_trimming_or_aot_warnings_and_the_bootstrap_serves()
    {
        var app = await SampleApp.GetAsync();
        var output = Path.Combine(RepositoryPaths.Root, "artifacts", "e2e", "aot");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var publish = await Dotnet.RunAsync(
            ["publish", app.ProjectDirectory, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo"],
            TimeSpan.FromMinutes(10));

        publish.AssertSucceeded("dotnet publish -p:PublishAot=true");
        var warnings = publish.Output.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, "Publishing warned:\n" + string.Join('\n', warnings));

        var bootstrap = Path.Combine(output, "bootstrap");
        Assert.True(File.Exists(bootstrap), "publish did not produce the custom runtime's 'bootstrap'");

        // The local API server is a development tool: the feature switch trims it (its HTTP code included) away.
        await using (var serve = await LambdaProcess.RunToolAsync(bootstrap, ["serve"]))
        {
            Assert.Equal(2, serve.Process.ExitCode);
            Assert.Contains("The local API server is not part of this build", serve.Stderr, StringComparison.Ordinal);
        }

        var image = await File.ReadAllBytesAsync(bootstrap);
        foreach (var type in new[] { "LocalHttpServer", "LocalHttpConnection", "LocalHttpRequestReader" })
        {
            Assert.True(image.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(type)) < 0, $"{type} is in the published binary");
        }
        await using var host = await RuntimeApiTestHost.StartAsync();
        await using var process = LambdaProcess.StartRuntime(bootstrap, host, "Hello");
        var result = await host.InvokeAsync(new TestInvocation("""{"name":"AOT"}""") { RequestId = "req-aot" }, TimeSpan.FromSeconds(60));
        Assert.Equal("""{"message":"Hello, AOT!","requestId":"req-aot"}""", result.BodyText);
        var error = await host.InvokeAsync("{bad", TimeSpan.FromSeconds(60));
        Assert.Equal("LambdaSerializationException", error.ErrorType);
        var again = await host.InvokeAsync(new TestInvocation("""{"name":"again"}""") { RequestId = "req-aot-2" }, TimeSpan.FromSeconds(60));
        Assert.Equal("""{"message":"Hello, again!","requestId":"req-aot-2"}""", again.BodyText);

        // The same binary resolves environment references (GetSettings: an SSM parameter and a secret) through the
        // Parameters and Secrets extension, once per execution environment.
        await using var extension = await SettingsSample.StartExtensionAsync();
        await using var settingsHost = await RuntimeApiTestHost.StartAsync();
        await using var settings = LambdaProcess.StartRuntime(bootstrap, settingsHost, SettingsSample.Function, SettingsSample.EnvironmentFor(extension));
        var first = await settingsHost.InvokeAsync("""{"name":"AOT"}""", TimeSpan.FromSeconds(60));
        Assert.False(first.IsError, first + "\n" + settings.Stdout + settings.Stderr);
        Assert.Equal(SettingsSample.ExpectedBody("AOT"), first.BodyText);
        var second = await settingsHost.InvokeAsync("""{"name":"again"}""", TimeSpan.FromSeconds(60));
        Assert.Equal(SettingsSample.ExpectedBody("again"), second.BodyText);
        SettingsSample.AssertEachNameFetchedOnceWithTheToken(extension);
    }
}
