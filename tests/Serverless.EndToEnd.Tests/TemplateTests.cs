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
    public async Task Routes_are_events_of_explicit_apis_with_the_auth_and_cors_of_the_code()
    {
        var app = await SampleApp.GetAsync();
        var template = JsonNode.Parse(File.ReadAllText(app.TemplatePath))!;
        var resources = template["Resources"]!.AsObject();
        Assert.Equal("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/v1",
            template["Outputs"]!["HttpApiUrl"]!["Value"]!["Fn::Sub"]!.GetValue<string>());

        var httpApi = resources["HttpApi"]!;
        Assert.Equal("AWS::Serverless::HttpApi", httpApi["Type"]!.GetValue<string>());
        Assert.Equal("v1", httpApi["Properties"]!["StageName"]!.GetValue<string>());
        Assert.Equal("https://login.hello.example.com/",
            httpApi["Properties"]!["Auth"]!["Authorizers"]!["users"]!["JwtConfiguration"]!["issuer"]!.GetValue<string>());
        Assert.Equal("https://shop.hello.example.com", httpApi["Properties"]!["CorsConfiguration"]!["AllowOrigins"]![0]!.GetValue<string>());

        var restApi = resources["RestApi"]!;
        Assert.Equal("AWS::Serverless::Api", restApi["Type"]!.GetValue<string>());
        Assert.Equal("REGIONAL", restApi["Properties"]!["EndpointConfiguration"]!["Type"]!.GetValue<string>());
        Assert.Equal("'https://shop.hello.example.com'", restApi["Properties"]!["Cors"]!["AllowOrigin"]!.GetValue<string>());

        // [Authorize] routes carry their authorizer and scopes; [AllowAnonymous] routes carry none.
        var create = resources["CreateProduct"]!["Properties"]!["Events"]!["PostProducts"]!["Properties"]!;
        Assert.Equal("HttpApi", create["ApiId"]!["Ref"]!.GetValue<string>());
        Assert.Equal("users", create["Auth"]!["Authorizer"]!.GetValue<string>());
        Assert.Equal("catalog/write", create["Auth"]!["AuthorizationScopes"]![0]!.GetValue<string>());
        var greeting = resources["GetGreeting"]!["Properties"]!["Events"]!.AsObject().Single().Value!["Properties"]!;
        Assert.Null(greeting["Auth"]);
        var product = resources["GetProduct"]!["Properties"]!["Events"]!.AsObject().Single().Value!["Properties"]!;
        Assert.Equal("RestApi", product["RestApiId"]!["Ref"]!.GetValue<string>());
        Assert.Null(product["Auth"]);
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
