using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>[HttpApi]/[RestApi] routes in the template: one event per route, schema-valid, tool-owned.</summary>
public class HttpEventTemplateTests
{
    private const string Routes = """
        "http": [
          {"method": "GET", "path": "/orders/{id}", "api": "HttpApi"},
          {"method": "ANY", "path": "/files/{proxy+}", "api": "HttpApi"},
          {"method": "POST", "path": "/orders", "api": "RestApi"},
          {"method": "GET", "path": "/orders-{id}", "api": "HttpApi"}
        ]
        """;

    [Fact]
    public void Routes_become_HttpApi_and_Api_events()
    {
        var text = Merge(null, Functions(("Orders", Routes), ("Plain", "")));
        var resources = Resources(text);

        Assert.Equal(
            """{"GetOrdersId":{"Type":"HttpApi","Properties":{"Method":"GET","Path":"/orders/{id}","ApiId":{"Ref":"HttpApi"},"PayloadFormatVersion":"2.0"}},"AnyFilesProxy":{"Type":"HttpApi","Properties":{"Method":"ANY","Path":"/files/{proxy+}","ApiId":{"Ref":"HttpApi"},"PayloadFormatVersion":"2.0"}},"PostOrders":{"Type":"Api","Properties":{"Method":"POST","Path":"/orders","RestApiId":{"Ref":"RestApi"}}},"GetOrdersId2":{"Type":"HttpApi","Properties":{"Method":"GET","Path":"/orders-{id}","ApiId":{"Ref":"HttpApi"},"PayloadFormatVersion":"2.0"}}}""",
            resources["Orders"]!["Properties"]!["Events"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("\"Path\": \"/files/{proxy+}\"", text);
        Assert.Contains("Events", resources["Orders"]!["Metadata"]!["ServerlessAnalyzers"]!["Properties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.False(resources["Plain"]!["Properties"]!.AsObject().ContainsKey("Events"));
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void Events_follow_the_code_and_go_when_the_routes_go()
    {
        var first = Merge(null, Functions(("Orders", Routes)));
        Assert.Equal(first, Merge(first, Functions(("Orders", Routes))));

        var without = Merge(first, Functions(("Orders", "")));
        Assert.False(Resources(without)["Orders"]!["Properties"]!.AsObject().ContainsKey("Events"));
    }

    [Fact]
    public void Class_function_is_one_function_with_one_event_per_route_of_every_method()
    {
        // The manifest of a class-level [LambdaFunction]: "method" names the class, "http" is the union of its methods' routes.
        var manifest = ServerlessManifest.Parse("""
            {"version": 1, "app": {"name": "app"}, "functions": [
              {"name": "InventoryApi", "handler": "InventoryApi", "method": "App.InventoryApi", "memorySize": 256, "timeout": 10,
               "http": [
                 {"method": "GET", "path": "/inventory/items", "api": "HttpApi"},
                 {"method": "GET", "path": "/inventory/items/{sku}", "api": "HttpApi"},
                 {"method": "GET", "path": "/inventory/items/low-stock", "api": "HttpApi"},
                 {"method": "PUT", "path": "/inventory/items/{sku}", "api": "HttpApi"},
                 {"method": "DELETE", "path": "/inventory/items/{sku}", "api": "HttpApi"},
                 {"method": "GET", "path": "/inventory/files/{proxy+}", "api": "HttpApi"},
                 {"method": "GET", "path": "/v1/inventory/items/{sku}", "api": "RestApi"}
               ]}
            ]}
            """);
        var text = Merge(null, manifest);
        var resources = Resources(text);

        var function = Assert.Single(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::Serverless::Function").Value!;
        Assert.Equal(
            ["GetInventoryItems", "GetInventoryItemsSku", "GetInventoryItemsLowStock", "PutInventoryItemsSku", "DeleteInventoryItemsSku", "GetInventoryFilesProxy", "GetV1InventoryItemsSku"],
            Keys(function["Properties"]!["Events"]));
        Assert.Equal("Api", function["Properties"]!["Events"]!["GetV1InventoryItemsSku"]!["Type"]!.GetValue<string>());
        Assert.Equal("2.0", function["Properties"]!["Events"]!["PutInventoryItemsSku"]!["Properties"]!["PayloadFormatVersion"]!.GetValue<string>());
        Assert.Equal(256, function["Properties"]!["MemorySize"]!.GetValue<int>());
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Theory]
    [InlineData("GET", "/", "GetRoot")]
    [InlineData("DELETE", "/orders/{id}/lines/{line}", "DeleteOrdersIdLinesLine")]
    [InlineData("ANY", "/{proxy+}", "AnyProxy")]
    public void Event_names_come_from_the_method_and_path(string method, string path, string expected) =>
        Assert.Equal(expected, HttpEventTemplate.EventName(method, path));
}
