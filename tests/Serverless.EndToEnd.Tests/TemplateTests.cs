using System.Text.Json.Nodes;

namespace Serverless.EndToEnd.Tests;

/// <summary>The serverless.template that building the sample against the package writes.</summary>
[Collection(SampleCollection.Name)]
public sealed class TemplateTests
{
    [Fact]
    public async Task The_build_writes_one_function_per_handler_with_resolved_settings()
    {
        var app = await SampleApp.GetAsync();
        var template = JsonNode.Parse(File.ReadAllText(app.TemplatePath))!;
        var resources = template["Resources"]!.AsObject();

        Assert.Equal("AWS::Serverless-2016-10-31", template["Transform"]!.GetValue<string>());
        foreach (var name in new[] { "Hello", "CreateOrder", "GetOrder" })
        {
            var function = resources[name]!;
            Assert.Equal("AWS::Serverless::Function", function["Type"]!.GetValue<string>());
            var properties = function["Properties"]!;
            Assert.Equal(name, properties["Handler"]!.GetValue<string>());
            Assert.Equal("provided.al2023", properties["Runtime"]!.GetValue<string>());
            Assert.Equal("dev", properties["Environment"]!["Variables"]!["STAGE"]!.GetValue<string>());
            Assert.Equal("samples", properties["Tags"]!["team"]!.GetValue<string>());
            Assert.True(function["Metadata"]!["ServerlessAnalyzers"]!["Generated"]!.GetValue<bool>());
        }

        Assert.Equal(256, resources["Hello"]!["Properties"]!["MemorySize"]!.GetValue<int>());
        Assert.Equal("Says hello", resources["Hello"]!["Properties"]!["Description"]!.GetValue<string>());
        Assert.Equal(512, resources["CreateOrder"]!["Properties"]!["MemorySize"]!.GetValue<int>());
        Assert.Equal(15, resources["CreateOrder"]!["Properties"]!["Timeout"]!.GetValue<int>());
        Assert.Equal("orders", resources["CreateOrder"]!["Properties"]!["Environment"]!["Variables"]!["ORDERS_TABLE"]!.GetValue<string>());
        Assert.Null(resources["Hello"]!["Properties"]!["Environment"]!["Variables"]!["ORDERS_TABLE"]);
    }

    [Fact]
    public async Task The_sample_builds_without_warnings_from_the_product()
    {
        var app = await SampleApp.GetAsync();

        Assert.DoesNotContain("warning SLS", app.BuildOutput);
        Assert.DoesNotContain("warning IL", app.BuildOutput);
        Assert.DoesNotContain("warning SLST", app.BuildOutput);
    }
}
