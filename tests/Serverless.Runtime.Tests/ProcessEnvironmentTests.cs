using Serverless.TestHost;

namespace Serverless.Runtime.Tests;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Tests that touch the real process environment run alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ProcessEnvironmentTests
{
    [Fact]
    public async Task The_trace_header_sets_the_X_AMZN_TRACE_ID_variable_of_the_process()
    {
        var app = Functions.App(Functions.Text("Trace", _ =>
            "\"" + (Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID") ?? "unset") + "\""));
        await using var harness = await BootstrapHarness.StartAsync(app, "Trace", processEnvironment: true);

        var traced = await harness.Host.InvokeAsync(new TestInvocation("{}") { TraceId = "Root=1-abc;Sampled=1" });
        var untraced = await harness.Host.InvokeAsync(new TestInvocation("{}"));

        Assert.Equal("\"Root=1-abc;Sampled=1\"", traced.BodyText);
        Assert.Equal("\"unset\"", untraced.BodyText);
    }
}
