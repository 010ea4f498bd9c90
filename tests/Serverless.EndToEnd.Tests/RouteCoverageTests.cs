using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Serverless.TestHost;

namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Ties the routes in code to the deployment and the documentation: the routes the built sample itself serves (its
/// local tool's <c>list</c>) each match exactly one event in serverless.template and exactly one operation in
/// openapi.json, and neither file has a route the app does not serve.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class RouteCoverageTests
{
    /// <summary>One route: method (upper case, or ANY), path template, and the API kind (HttpApi or RestApi).</summary>
    private sealed record Route(string Method, string Path, string Api)
    {
        public override string ToString() => $"{Method} {Path} ({Api})";
    }

    [Fact]
    public async Task Every_route_in_code_is_one_template_event_and_one_openapi_operation_and_nothing_else()
    {
        var app = await SampleApp.GetAsync();
        var inCode = await RoutesOfTheAppAsync(app);
        Assert.True(inCode.Count >= 4, "the sample serves routes: " + string.Join(", ", inCode));
        Assert.Equal(inCode.Count, inCode.Distinct().Count());

        var inTemplate = RoutesOfTheTemplate(app.TemplatePath);
        var inOpenApi = RoutesOfTheOpenApiDocument(Path.Combine(app.ProjectDirectory, "openapi.json"));

        foreach (var route in inCode)
        {
            Assert.True(inTemplate.Count(r => r == route) == 1, $"{route}: {inTemplate.Count(r => r == route)} template events");
            Assert.True(inOpenApi.Count(r => r == route) == 1, $"{route}: {inOpenApi.Count(r => r == route)} OpenAPI operations");
        }

        Assert.Empty(inTemplate.Except(inCode));
        Assert.Empty(inOpenApi.Except(inCode));
        Assert.Equal(inCode.Count, inTemplate.Count);
        Assert.Equal(inCode.Count, inOpenApi.Count);
    }

    [Fact]
    public async Task The_openapi_document_is_clean_and_describes_the_catalog()
    {
        var app = await SampleApp.GetAsync();
        var text = File.ReadAllText(Path.Combine(app.ProjectDirectory, "openapi.json"));
        var document = new OpenApiStringReader().Read(text, out var diagnostic);

        Assert.True(diagnostic.Errors.Count == 0, "OpenAPI errors:\n" + string.Join("\n", diagnostic.Errors.Select(e => e.Pointer + ": " + e.Message)));
        Assert.True(diagnostic.Warnings.Count == 0, "OpenAPI warnings:\n" + string.Join("\n", diagnostic.Warnings.Select(w => w.Pointer + ": " + w.Message)));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);

        var get = document.Paths["/products/{id}"].Operations[OperationType.Get];
        Assert.Equal("GetProduct", get.OperationId);
        Assert.Equal("Catalog", get.Tags.Single().Name);
        Assert.Equal(("uuid", true), (get.Parameters.Single(p => p.Name == "id").Schema.Format, get.Parameters.Single(p => p.Name == "id").Required));
        Assert.Equal("^(EUR|GBP|USD)$", get.Parameters.Single(p => p.Name == "X-Currency" && p.In == ParameterLocation.Header).Schema.Pattern);
        Assert.Equal(new[] { "200", "400", "404", "500" }, get.Responses.Keys.Order(StringComparer.Ordinal));
        // The sample's context writes camelCase.
        Assert.Contains("price", document.Components.Schemas["Product"].Properties.Keys);

        var create = document.Paths["/products"].Operations[OperationType.Post];
        Assert.True(create.RequestBody.Required);
        Assert.Equal("NewProduct", create.RequestBody.Content["application/json"].Schema.Reference.Id);
        var stock = create.Parameters.Single(p => p.Name == "X-Stock").Schema;
        Assert.Equal((0m, 1000m, "0"), (stock.Minimum, stock.Maximum, ((Microsoft.OpenApi.Any.OpenApiInteger)stock.Default).Value.ToString()));

        // An IHttpResult is documented by its [HttpResponse] declarations, next to the automatic 400 and 500.
        Assert.Equal(new[] { "201", "400", "500" }, create.Responses.Keys);
        Assert.Equal("The new product; its URL is in the Location header", create.Responses["201"].Description);
        Assert.Equal("Product", create.Responses["201"].Content.Single(c => c.Key == "application/json").Value.Schema.Reference.Id);
        var documents = document.Paths["/documents/{proxy+}"].Operations[OperationType.Get].Responses;
        Assert.Equal(new[] { "200", "304", "404", "400", "500" }, documents.Keys);
        Assert.Equal("string", documents["200"].Content.Single(c => c.Key == "text/plain").Value.Schema.Type);
        Assert.Empty(documents["304"].Content);
        // A type only a declared response names gets its component, camelCase like the others.
        var receipt = document.Paths["/warehouses/{warehouse}/receipts"].Operations[OperationType.Post].Responses["201"];
        Assert.Equal("ReceiptConfirmation", receipt.Content["application/json"].Schema.Reference.Id);
        Assert.Contains("notifySupplier", document.Components.Schemas["ReceiptConfirmation"].Properties.Keys);
    }

    /// <summary>The routes the app serves, from its own local tool: <c>list</c> prints each function's routes under it.</summary>
    private static async Task<List<Route>> RoutesOfTheAppAsync(SampleApp app)
    {
        var tool = await LambdaProcess.RunToolAsync(app.Executable, ["list"]);
        Assert.Equal(0, tool.Process.ExitCode);
        // Route lines are the indented ones (StdoutLines trims, so split the raw text).
        return tool.Stdout.Split('\n')
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Trim().Length > 0)
            .Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => new Route(parts[0], parts[1], parts[2] == "REST" ? "RestApi" : "HttpApi"))
            .ToList();
    }

    /// <summary>Every API Gateway event of every function in the template (SAM types HttpApi and Api).</summary>
    private static List<Route> RoutesOfTheTemplate(string templatePath)
    {
        var routes = new List<Route>();
        var resources = JsonNode.Parse(File.ReadAllText(templatePath))!["Resources"]!.AsObject();
        foreach (var (_, resource) in resources)
        {
            if (resource?["Properties"]?["Events"] is not JsonObject events)
            {
                continue;
            }

            foreach (var (_, evt) in events)
            {
                var type = (string?)evt?["Type"];
                if (type is "HttpApi" or "Api")
                {
                    var properties = evt!["Properties"]!;
                    routes.Add(new Route(((string)properties["Method"]!).ToUpperInvariant(), (string)properties["Path"]!, type == "Api" ? "RestApi" : "HttpApi"));
                }
            }
        }

        return routes;
    }

    /// <summary>Every operation of the document (API Gateway's <c>x-amazon-apigateway-any-method</c> is ANY).</summary>
    private static List<Route> RoutesOfTheOpenApiDocument(string documentPath)
    {
        var routes = new List<Route>();
        var paths = JsonNode.Parse(File.ReadAllText(documentPath))!["paths"]!.AsObject();
        foreach (var (path, item) in paths)
        {
            foreach (var (key, operation) in item!.AsObject())
            {
                var method = key == "x-amazon-apigateway-any-method" ? "ANY" : key.ToUpperInvariant();
                if (method is "ANY" or "GET" or "PUT" or "POST" or "DELETE" or "OPTIONS" or "HEAD" or "PATCH")
                {
                    routes.Add(new Route(method, path, (string)operation!["x-serverless-api"]!));
                }
            }
        }

        return routes;
    }
}
