using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.OpenApi.Models;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.OpenApi;

namespace Serverless.Build.Tasks.Tests;

public class OpenApiDocumentWriterTests
{
    private const string Problems = """
        "ProblemDetails":{"type":"object","properties":{"title":{"type":"string"},"status":{"type":"integer","format":"int32"}}},
        "HttpValidationProblemDetails":{"type":"object","properties":{"errors":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}}}}
        """;

    private static string Write(string manifestJson, string? version = null) =>
        OpenApiDocumentWriter.Write(ServerlessManifest.Parse(manifestJson), new OpenApiOptions { FallbackTitle = "App", Version = version }).Text!;

    private static string Manifest(string functions, string root = "") =>
        "{\"version\":1,\"app\":{\"name\":\"orders\"},\"functions\":[" + functions + "]" + root + ",\"schemas\":{" + Problems + "}}";

    [Fact]
    public void A_small_document_is_exactly_this()
    {
        var text = Write("""
            {"version":1,"app":{"name":"orders"},"functions":[{"name":"OrdersApiGet","method":"Orders.OrdersApi.Get","http":[
              {"method":"GET","path":"/orders/{id}","api":"HttpApi",
               "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
               "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Order"}}}},"404":{"description":"Not Found"}}}]}],
             "schemas":{"Order":{"type":"object","properties":{"id":{"type":"string","format":"uuid"}},"required":["id"]}}}
            """, version: "2.1.0");

        Assert.Equal("""
            {
              "openapi": "3.0.3",
              "info": {
                "title": "orders",
                "version": "2.1.0"
              },
              "paths": {
                "/orders/{id}": {
                  "get": {
                    "tags": [
                      "OrdersApi"
                    ],
                    "operationId": "OrdersApiGet",
                    "x-serverless-api": "HttpApi",
                    "parameters": [
                      {
                        "name": "id",
                        "in": "path",
                        "required": true,
                        "schema": {
                          "type": "string",
                          "format": "uuid"
                        }
                      }
                    ],
                    "responses": {
                      "200": {
                        "description": "OK",
                        "content": {
                          "application/json": {
                            "schema": {
                              "$ref": "#/components/schemas/Order"
                            }
                          }
                        }
                      },
                      "404": {
                        "description": "Not Found"
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Order": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "string",
                        "format": "uuid"
                      }
                    },
                    "required": [
                      "id"
                    ]
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"), text);
        var document = OpenApiReader.ReadClean(text);
        Assert.Equal("uuid", document.Paths["/orders/{id}"].Operations[OperationType.Get].Parameters[0].Schema.Format);
    }

    /// <summary>[HttpResponse] declarations: several statuses, several media types of one, text, binary and problem bodies.</summary>
    [Fact]
    public void Declared_responses_are_the_operations_responses()
    {
        const string Responses = """
            {"201":{"description":"Created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Product"}}}},"200":{"description":"The label","content":{"text/plain":{"schema":{"type":"string"}},"image/png":{"schema":{"type":"string","format":"binary"}}}},"302":{"description":"Found"},"409":{"description":"The SKU is taken","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}},"500":{"description":"An unexpected error occurred","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/ProblemDetails"}}}}}
            """;
        var text = Write("""
            {"version":1,"app":{"name":"catalog"},"functions":[{"name":"CatalogCreate","method":"App.Catalog.Create","http":[
              {"method":"POST","path":"/products","api":"HttpApi","responses":
            """ + Responses + """
            }]}],"schemas":{"Product":{"type":"object","properties":{"sku":{"type":"string"}}},
            """ + Problems + "}}");

        // Written as the manifest says, in its order.
        var json = JsonNode.Parse(text)!;
        Assert.Equal(Responses, json["paths"]!["/products"]!["post"]!["responses"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var responses = OpenApiReader.ReadClean(text).Paths["/products"].Operations[OperationType.Post].Responses;
        Assert.Equal(new[] { "201", "200", "302", "409", "500" }, responses.Keys);
        Assert.Equal("Product", responses["201"].Content["application/json"].Schema.Reference.Id);
        Assert.Equal(new[] { "text/plain", "image/png" }, responses["200"].Content.Keys);
        Assert.Equal("binary", responses["200"].Content["image/png"].Schema.Format);
        Assert.Empty(responses["302"].Content);
        Assert.Equal("ProblemDetails", responses["409"].Content["application/problem+json"].Schema.Reference.Id);
    }

    [Fact]
    public void Any_method_greedy_paths_operation_ids_and_tags()
    {
        var text = Write(Manifest("""
            {"name":"FilesServe","method":"App.Files.Serve","http":[
              {"method":"ANY","path":"/files/{proxy+}","api":"RestApi","parameters":[{"name":"proxy","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"OK"}}},
              {"method":"GET","path":"/files","api":"RestApi","responses":{"200":{"description":"OK"}}},
              {"method":"HEAD","path":"/files","api":"RestApi"}]},
            {"name":"FilesServe2","http":[{"method":"POST","path":"/files","api":"HttpApi","responses":{"204":{"description":"No Content"}}}]}
            """));

        var document = OpenApiReader.ReadClean(text);
        var json = JsonNode.Parse(text)!;
        var greedy = json["paths"]!["/files/{proxy+}"]!.AsObject();
        Assert.Equal(new[] { OpenApiDocumentWriter.AnyMethodExtension }, greedy.Select(p => p.Key));
        Assert.Equal("proxy", (string)greedy[OpenApiDocumentWriter.AnyMethodExtension]!["parameters"]![0]!["name"]!);
        // One operation id per route, unique in the document even against another function's name.
        var files = document.Paths["/files"].Operations;
        Assert.Equal(new[] { OperationType.Get, OperationType.Post, OperationType.Head }, files.Keys.OrderBy(k => k switch { OperationType.Get => 0, OperationType.Post => 1, _ => 2 }));
        Assert.Equal("FilesServe2", files[OperationType.Get].OperationId);
        Assert.Equal("FilesServe3", files[OperationType.Head].OperationId);
        Assert.Equal("FilesServe22", files[OperationType.Post].OperationId);
        Assert.Equal("Files", files[OperationType.Get].Tags.Single().Name);
        Assert.Equal("FilesServe2", files[OperationType.Post].Tags.Single().Name);
        // A route without responses (an older manifest) still documents one.
        Assert.Equal("The function's response", files[OperationType.Head].Responses["default"].Description);
    }

    [Fact]
    public void A_class_functions_operations_are_named_after_each_method_and_tagged_with_the_class()
    {
        var text = Write(Manifest("""
            {"name":"InventoryApi","method":"App.Stock.InventoryApi","http":[
              {"method":"GET","path":"/items","api":"HttpApi","handler":"List","responses":{"200":{"description":"OK"}}},
              {"method":"GET","path":"/items/{sku}","api":"HttpApi","handler":"Get","parameters":[{"name":"sku","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"OK"}}},
              {"method":"GET","path":"/v1/items/{sku}","api":"RestApi","handler":"Get","parameters":[{"name":"sku","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"OK"}}}]}
            """));

        var document = OpenApiReader.ReadClean(text);
        var operations = new[] { "/items", "/items/{sku}", "/v1/items/{sku}" }.Select(p => document.Paths[p].Operations[OperationType.Get]).ToList();
        Assert.Equal(new[] { "InventoryApiList", "InventoryApiGet", "InventoryApiGet2" }, operations.Select(o => o.OperationId));
        Assert.All(operations, o => Assert.Equal("InventoryApi", Assert.Single(o.Tags).Name));
    }

    [Fact]
    public void The_same_method_and_path_twice_is_documented_once_with_a_warning()
    {
        var result = OpenApiDocumentWriter.Write(ServerlessManifest.Parse(Manifest("""
            {"name":"A","http":[{"method":"GET","path":"/x","api":"HttpApi"}]},
            {"name":"B","http":[{"method":"GET","path":"/x","api":"RestApi"}]}
            """)), new OpenApiOptions());

        Assert.Equal("A", OpenApiReader.ReadClean(result.Text!).Paths["/x"].Operations[OperationType.Get].OperationId);
        Assert.Contains("GET /x of function 'B'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void No_http_routes_no_document()
    {
        var result = OpenApiDocumentWriter.Write(ServerlessManifest.Parse("""{"version":1,"functions":[{"name":"Worker"}]}"""), new OpenApiOptions());
        Assert.Null(result.Text);
    }

    [Fact]
    public void Authorizers_become_security_schemes_and_routes_require_them()
    {
        var text = Write(Manifest("""
            {"name":"Api","method":"App.Api.Run","http":[
              {"method":"GET","path":"/jwt","api":"HttpApi","auth":{"authorizer":"Auth0","scopes":["orders/read","orders/write"]}},
              {"method":"GET","path":"/cognito","api":"HttpApi","auth":{"authorizer":"Pool","scopes":["email"]}},
              {"method":"GET","path":"/lambda","api":"RestApi","auth":{"authorizer":"Custom","scopes":["ignored"]}},
              {"method":"GET","path":"/iam","api":"HttpApi","auth":{"authorizer":"AWS_IAM"}},
              {"method":"GET","path":"/undeclared","api":"HttpApi","auth":{"authorizer":"Nowhere"}},
              {"method":"GET","path":"/public","api":"HttpApi"}]}
            """, """
            ,"authorizers":[
              {"name":"Auth0","type":"jwt","issuer":"https://example.eu.auth0.com/","audience":["orders"],"identitySource":"$request.header.Authorization"},
              {"name":"Pool","type":"cognito","userPoolArn":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123"},
              {"name":"Custom","type":"lambda","identitySource":"method.request.header.X-Token","function":"Authorizer"}]
            """));

        var json = JsonNode.Parse(text)!;
        Assert.Equal(
            """{"Auth0":{"type":"openIdConnect","openIdConnectUrl":"https://example.eu.auth0.com/.well-known/openid-configuration"},"Custom":{"type":"apiKey","name":"X-Token","in":"header","x-amazon-apigateway-authtype":"custom"},"Nowhere":{"type":"http","scheme":"bearer"},"Pool":{"type":"openIdConnect","openIdConnectUrl":"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/openid-configuration"},"sigv4":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"awsSigv4"}}""",
            json["components"]!["securitySchemes"]!.ToJsonString());

        string Security(string path) => json["paths"]![path]!["get"]!["security"]?.ToJsonString() ?? "none";
        Assert.Equal("""[{"Auth0":["orders/read","orders/write"]}]""", Security("/jwt"));
        Assert.Equal("""[{"Pool":["email"]}]""", Security("/cognito"));
        Assert.Equal("""[{"Custom":[]}]""", Security("/lambda"));
        Assert.Equal("""[{"sigv4":[]}]""", Security("/iam"));
        Assert.Equal("""[{"Nowhere":[]}]""", Security("/undeclared"));
        Assert.Equal("none", Security("/public"));

        var document = OpenApiReader.ReadClean(text);
        Assert.Equal(SecuritySchemeType.OpenIdConnect, document.Components.SecuritySchemes["Auth0"].Type);
        Assert.Equal(ParameterLocation.Header, document.Components.SecuritySchemes["sigv4"].In);
    }

    [Theory]
    [InlineData("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_X", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X")]
    [InlineData("arn:aws:cognito-idp:us-east-1:123456789012:userpool/", null)]
    [InlineData("arn:aws:s3:::bucket", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Cognito_issuer_from_the_pool_arn(string? arn, string? issuer) =>
        Assert.Equal(issuer, OpenApiSecuritySchemes.CognitoIssuer(arn));

    [Theory]
    [InlineData("$request.header.Authorization", "Authorization", "header")]
    [InlineData("method.request.header.X-Api-Token, method.request.querystring.t", "X-Api-Token", "header")]
    [InlineData("$request.querystring.token", "token", "query")]
    [InlineData(null, "Authorization", "header")]
    public void Lambda_authorizer_identity_source(string? source, string name, string location) =>
        Assert.Equal((name, location), OpenApiSecuritySchemes.IdentitySource(source));

    [Fact]
    public void A_jwt_authorizer_without_a_usable_issuer_is_a_bearer_scheme()
    {
        var text = Write(Manifest("""{"name":"Api","http":[{"method":"GET","path":"/a","api":"HttpApi","auth":{"authorizer":"J","scopes":["s"]}}]}""",
            ""","authorizers":[{"name":"J","type":"jwt","issuer":"${Issuer}"}]"""));
        Assert.Equal("""{"type":"http","scheme":"bearer","bearerFormat":"JWT"}""", JsonNode.Parse(text)!["components"]!["securitySchemes"]!["J"]!.ToJsonString());
        Assert.Equal("""[{"J":[]}]""", JsonNode.Parse(text)!["paths"]!["/a"]!["get"]!["security"]!.ToJsonString());
        OpenApiReader.ReadClean(text);
    }

    /// <summary>A class function's manifest (a checked-in generator baseline) with GET on greedy routes reads clean.</summary>
    [Fact]
    public void A_class_functions_generated_manifest_with_greedy_routes_makes_a_clean_document()
    {
        var document = OpenApiReader.ReadClean(Write(GeneratorBaselineManifest("ClassFunctionRoutesStaticAndInstanceMethods")));

        var file = document.Paths["/files/{path+}"].Operations[OperationType.Get];
        Assert.Equal("path+", file.Parameters.Single().Name);
        Assert.Equal("InventoryApiFile", file.OperationId);
        Assert.Equal("InventoryApi", file.Tags.Single().Name);
    }

    /// <summary>
    /// The generator's own manifest for a catalog with every parameter source, value type, constraint, enum, cycle and
    /// result kind (a checked-in generator baseline) makes a document Microsoft.OpenApi reads without a complaint.
    /// </summary>
    [Fact]
    public void The_generators_manifest_makes_a_clean_document()
    {
        var document = OpenApiReader.ReadClean(Write(GeneratorBaselineManifest("RoutesCarryParametersBodyAndResponses")));

        var search = document.Paths["/products"].Operations[OperationType.Get];
        var page = search.Parameters.Single(p => p.Name == "page");
        Assert.Equal((1m, 100m, "integer", "int32"), (page.Schema.Minimum, page.Schema.Maximum, page.Schema.Type, page.Schema.Format));
        Assert.Equal(3, search.Parameters.Single(p => p.Name == "ids").Schema.MaxItems);
        Assert.True(search.Parameters.Single(p => p.Name == "q").Required);
        Assert.Equal("array", search.Responses["200"].Content["application/json"].Schema.Type);

        var product = document.Components.Schemas["Product"];
        Assert.Equal(new[] { "name", "tags" }, product.Required.Order());
        Assert.Equal("^[A-Z]{3}$", product.Properties["currency"].Pattern);
        Assert.Equal("email", product.Properties["contact"].Format);
        Assert.True(product.Properties["contact"].Nullable);
        Assert.Equal((1, 10), (product.Properties["tags"].MinItems, product.Properties["tags"].MaxItems));
        Assert.Equal("Category", document.Components.Schemas["Category"].Properties["children"].Items.Reference.Id);

        var create = document.Paths["/products"].Operations[OperationType.Post];
        Assert.True(create.RequestBody.Required);
        Assert.Equal("application/problem+json", create.Responses["400"].Content.Keys.Single());
        Assert.Contains(OpenApiDocumentWriter.AnyMethodExtension, document.Paths["/files/{proxy+}"].Extensions.Keys);
    }

    /// <summary>The manifest JSON in a generator baseline's <c>[assembly: ServerlessManifest("...")]</c>.</summary>
    internal static string GeneratorBaselineManifest(string test)
    {
        var path = Path.Combine(RepoPaths.RepoRoot, "tests", "Serverless.Generators.Tests", "Baselines", test, "ServerlessManifest.g.cs.txt");
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path));
        var literal = tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>().Single(a => a.Name.ToString().EndsWith("ServerlessManifest", StringComparison.Ordinal))
            .ArgumentList!.Arguments[0].Expression;
        return ((LiteralExpressionSyntax)literal).Token.ValueText;
    }
}

public class OpenApiReaderTests
{
    /// <summary>The clean read is a real check: Microsoft.OpenApi's rules catch a path parameter missing from its path.</summary>
    [Fact]
    public void The_reader_reports_a_path_parameter_the_path_lacks()
    {
        var text = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/x":{"get":{
              "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
              "responses":{"200":{"description":"OK"}}}}}}
            """;
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => OpenApiReader.ReadClean(text));
    }
}
