using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

public class TemplateMergerTests
{
    private const string ExpectedFirstWrite = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "orders (Lambda functions built with Serverless.Analyzers)",
          "Resources": {
            "OrdersApiCreate": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "OrdersApiCreate",
                "Runtime": "provided.al2023",
                "CodeUri": ".",
                "Architectures": [
                  "arm64"
                ],
                "MemorySize": 512,
                "Timeout": 10,
                "EphemeralStorage": {
                  "Size": 1024
                },
                "ReservedConcurrentExecutions": 5,
                "Role": "arn:aws:iam::123456789012:role/x",
                "Policies": [
                  "AWSLambdaBasicExecutionRole"
                ],
                "Description": "Creates an order",
                "Tracing": "Active",
                "Environment": {
                  "Variables": {
                    "STAGE": "prod"
                  }
                },
                "Tags": {
                  "team": "core"
                }
              },
              "Metadata": {
                "BuildMethod": "dotnet7",
                "ServerlessAnalyzers": {
                  "Generated": true,
                  "Properties": [
                    "Handler",
                    "Runtime",
                    "CodeUri",
                    "Architectures",
                    "MemorySize",
                    "Timeout",
                    "EphemeralStorage",
                    "ReservedConcurrentExecutions",
                    "Role",
                    "Policies",
                    "Description",
                    "Tracing",
                    "Environment",
                    "Tags"
                  ]
                }
              }
            },
            "OrdersApiGet": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "OrdersApiGet",
                "Runtime": "provided.al2023",
                "CodeUri": ".",
                "Architectures": [
                  "x86_64"
                ]
              },
              "Metadata": {
                "BuildMethod": "dotnet7",
                "ServerlessAnalyzers": {
                  "Generated": true,
                  "Properties": [
                    "Handler",
                    "Runtime",
                    "CodeUri",
                    "Architectures"
                  ]
                }
              }
            }
          }
        }

        """;

    [Fact]
    public void First_write_is_the_full_SAM_template_with_two_space_indent_and_a_final_newline()
    {
        var result = TemplateMerger.Merge(null, Orders, Options);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Changed);
        Assert.Equal(ExpectedFirstWrite, result.Text);
        Assert.Empty(SamSchema.ValidateServerlessResources(result.Text!));
    }

    [Fact]
    public void A_Lambda_Edge_function_publishes_a_version_and_has_no_environment()
    {
        var manifest = ServerlessManifest.Parse("""
            {"version":1,"app":{"name":"site"},"functions":[
              {"name":"SiteViewer","handler":"SiteViewer","runtime":"provided.al2023","architecture":"x86_64","memorySize":128,"timeout":5,
               "environment":{"STAGE":"prod"},"edge":["viewer-request","viewer-response"]},
              {"name":"SiteRegional","handler":"SiteRegional","environment":{"STAGE":"prod"}}]}
            """);
        Assert.True(manifest.Functions[0].IsEdge);
        Assert.Equal(new[] { "viewer-request", "viewer-response" }, manifest.Functions[0].Edge);
        Assert.False(manifest.Functions[1].IsEdge);

        var result = TemplateMerger.Merge(null, manifest, Options);

        Assert.Empty(result.Diagnostics);
        var resources = Resources(result.Text!);
        var edge = resources["SiteViewer"]!.AsObject();
        Assert.Equal("live", edge["Properties"]!["AutoPublishAlias"]!.GetValue<string>());
        Assert.Null(edge["Properties"]!["Environment"]);
        Assert.Contains("AutoPublishAlias", edge["Metadata"]!["ServerlessAnalyzers"]!["Properties"]!.AsArray().Select(p => p!.GetValue<string>()));
        var regional = resources["SiteRegional"]!.AsObject();
        Assert.Null(regional["Properties"]!["AutoPublishAlias"]);
        Assert.Equal("prod", regional["Properties"]!["Environment"]!["Variables"]!["STAGE"]!.GetValue<string>());
        Assert.Empty(SamSchema.ValidateServerlessResources(result.Text!));

        // Rebuilt as an ordinary function: the tool's AutoPublishAlias goes away again, the environment comes back.
        var regionalAgain = ServerlessManifest.Parse("""
            {"version":1,"app":{"name":"site"},"functions":[
              {"name":"SiteViewer","handler":"SiteViewer","environment":{"STAGE":"prod"}},
              {"name":"SiteRegional","handler":"SiteRegional","environment":{"STAGE":"prod"}}]}
            """);
        var merged = TemplateMerger.Merge(result.Text, regionalAgain, Options);
        var viewer = Resources(merged.Text!)["SiteViewer"]!["Properties"]!.AsObject();
        Assert.Null(viewer["AutoPublishAlias"]);
        Assert.Equal("prod", viewer["Environment"]!["Variables"]!["STAGE"]!.GetValue<string>());
        Assert.Empty(SamSchema.ValidateServerlessResources(merged.Text!));
    }

    [Fact]
    public void First_write_without_functions_writes_nothing()
    {
        var result = TemplateMerger.Merge(null, ServerlessManifest.Empty(), Options);

        Assert.Null(result.Text);
        Assert.False(result.Changed);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void First_write_uses_the_options_code_uri_and_the_fallback_app_name_and_line_ending()
    {
        var manifest = ServerlessManifest.Parse("""{"version":1,"functions":[{"name":"F"}]}""");
        var text = TemplateMerger.Merge(null, manifest, new TemplateOptions
        {
            CodeUri = "bin/publish",
            FallbackAppName = "MyApp",
            NewLine = "\r\n",
        }).Text!;

        Assert.DoesNotContain("\r\r", text);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.EndsWith("}\r\n", text);
        var root = ParseJson(text);
        Assert.Equal("MyApp (Lambda functions built with Serverless.Analyzers)", root["Description"]!.GetValue<string>());
        Assert.Equal("bin/publish", root["Resources"]!["F"]!["Properties"]!["CodeUri"]!.GetValue<string>());
        Assert.Equal("F", root["Resources"]!["F"]!["Properties"]!["Handler"]!.GetValue<string>());
    }

    [Fact]
    public void Rebuild_with_the_same_manifest_returns_the_existing_text_unchanged()
    {
        var first = Merge(null, Orders);

        var second = TemplateMerger.Merge(first, Orders, Options);

        Assert.False(second.Changed);
        Assert.Same(first, second.Text);
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public void A_template_formatted_differently_but_meaning_the_same_is_not_rewritten()
    {
        var first = Merge(null, Orders);
        var fourSpaces = ParseJson(first).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 4 });

        var result = TemplateMerger.Merge(fourSpaces, Orders, Options);

        Assert.False(result.Changed);
        Assert.Same(fourSpaces, result.Text);
    }

    [Fact]
    public void Merge_keeps_everything_the_user_added_and_updates_the_tools_properties()
    {
        var first = Merge(null, Orders);
        var edited = Edit(first, root =>
        {
            root["Parameters"] = JsonNode.Parse("""{"Stage": {"Type": "String", "Default": "dev"}}""");
            root["Globals"] = JsonNode.Parse("""{"Function": {"Timeout": 30}}""");
            root["Outputs"] = JsonNode.Parse("""{"Api": {"Value": {"Fn::GetAtt": ["OrdersApiCreate", "Arn"]}}}""");
            var resources = root["Resources"]!.AsObject();
            resources["OrdersTable"] = JsonNode.Parse("""{"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST"}}""");
            resources["Legacy"] = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Properties": {"Handler": "x", "Runtime": "dotnet8", "CodeUri": "legacy/"}}""");
            var create = resources["OrdersApiCreate"]!.AsObject();
            create["DependsOn"] = "OrdersTable";
            create["Properties"]!["Layers"] = new JsonArray("arn:aws:lambda:eu-west-1:1:layer:l:1");
            create["Properties"]!["Events"] = JsonNode.Parse("""{"Api": {"Type": "HttpApi", "Properties": {"Path": "/orders", "Method": "POST"}}}""");
            create["Metadata"]!["Owner"] = "team-orders";
        });
        var manifest = ServerlessManifest.Parse(OrdersManifestJson.Replace("\"memorySize\": 512", "\"memorySize\": 1024"));

        var merged = Merge(edited, manifest);

        var root = ParseJson(merged);
        Assert.Equal(["AWSTemplateFormatVersion", "Transform", "Description", "Resources", "Parameters", "Globals", "Outputs"], Keys(root));
        Assert.True(JsonNode.DeepEquals(ParseJson(edited)["Parameters"], root["Parameters"]));
        Assert.True(JsonNode.DeepEquals(ParseJson(edited)["Globals"], root["Globals"]));
        Assert.True(JsonNode.DeepEquals(ParseJson(edited)["Outputs"], root["Outputs"]));
        var resources = root["Resources"]!.AsObject();
        Assert.Equal(["OrdersApiCreate", "OrdersApiGet", "OrdersTable", "Legacy"], Keys(resources));
        Assert.True(JsonNode.DeepEquals(ParseJson(edited)["Resources"]!["OrdersTable"], resources["OrdersTable"]));
        Assert.True(JsonNode.DeepEquals(ParseJson(edited)["Resources"]!["Legacy"], resources["Legacy"]));

        var create = resources["OrdersApiCreate"]!.AsObject();
        Assert.Equal(["Type", "Properties", "Metadata", "DependsOn"], Keys(create));
        Assert.Equal(1024, create["Properties"]!["MemorySize"]!.GetValue<int>());
        Assert.Equal("Active", create["Properties"]!["Tracing"]!.GetValue<string>());
        Assert.Equal("/orders", create["Properties"]!["Events"]!["Api"]!["Properties"]!["Path"]!.GetValue<string>());
        Assert.Equal("arn:aws:lambda:eu-west-1:1:layer:l:1", create["Properties"]!["Layers"]![0]!.GetValue<string>());
        Assert.Equal("team-orders", create["Metadata"]!["Owner"]!.GetValue<string>());
        // The tool's properties keep their places; the user's follow.
        Assert.Equal("Handler,Runtime,CodeUri,Architectures,MemorySize,Timeout,EphemeralStorage,ReservedConcurrentExecutions,Role,Policies,Description,Tracing,Environment,Tags,Layers,Events",
            string.Join(",", Keys(create["Properties"])));
        // Properties lists the tool's only.
        Assert.DoesNotContain("Layers", create["Metadata"]!["ServerlessAnalyzers"]!["Properties"]!.AsArray().Select(x => x!.GetValue<string>()));

        Assert.Empty(SamSchema.ValidateServerlessResources(merged));
        // And a second pass changes nothing.
        Assert.False(TemplateMerger.Merge(merged, manifest, Options).Changed);
    }

    [Fact]
    public void Merge_keeps_the_order_of_resources_the_user_moved_and_appends_new_ones()
    {
        var first = Merge(null, Functions(("A", ""), ("B", "")));
        var edited = Edit(first, root =>
        {
            var resources = root["Resources"]!.AsObject();
            var a = resources["A"]!;
            resources.Remove("A");
            resources["Mine"] = JsonNode.Parse("""{"Type": "AWS::SQS::Queue"}""");
            resources["A"] = a;
        });

        var merged = Merge(edited, Functions(("A", "\"timeout\": 5"), ("B", ""), ("C", "")));

        Assert.Equal(["B", "Mine", "A", "C"], Keys(Resources(merged)));
        Assert.Equal(5, Resources(merged)["A"]!["Properties"]!["Timeout"]!.GetValue<int>());
    }

    [Fact]
    public void A_function_whose_method_is_gone_is_removed_with_its_hand_added_properties()
    {
        var first = Merge(null, Orders);
        var edited = Edit(first, root =>
        {
            root["Resources"]!["OrdersApiGet"]!["Properties"]!["Layers"] = new JsonArray("arn:layer");
            root["Resources"]!["Mine"] = JsonNode.Parse("""{"Type": "AWS::SNS::Topic"}""");
        });
        var manifest = Functions(("OrdersApiCreate", "\"memorySize\": 512"));

        var merged = Merge(edited, manifest);

        Assert.Equal(["OrdersApiCreate", "Mine"], Keys(Resources(merged)));
    }

    [Fact]
    public void No_functions_left_removes_the_tools_resources_and_keeps_the_rest()
    {
        var first = Merge(null, Orders);
        var edited = Edit(first, root => root["Resources"]!["Mine"] = JsonNode.Parse("""{"Type": "AWS::SNS::Topic"}"""));

        var merged = Merge(edited, ServerlessManifest.Empty());

        var root = ParseJson(merged);
        Assert.Equal(["Mine"], Keys(root["Resources"]));
        Assert.Equal("AWS::Serverless-2016-10-31", root["Transform"]!.GetValue<string>());
    }

    [Fact]
    public void No_functions_and_a_template_without_the_tools_resources_is_left_alone()
    {
        const string userTemplate = "{\n    \"Resources\": { \"Mine\": { \"Type\": \"AWS::SNS::Topic\" } }\n}";

        var result = TemplateMerger.Merge(userTemplate, ServerlessManifest.Empty(), Options);

        Assert.False(result.Changed);
        Assert.Same(userTemplate, result.Text);
    }

    [Fact]
    public void A_property_the_tool_no_longer_sets_is_removed_but_a_hand_written_one_is_kept()
    {
        var first = Merge(null, Functions(("F", "\"memorySize\": 512, \"timeout\": 10")));
        var edited = Edit(first, root => root["Resources"]!["F"]!["Properties"]!["Tracing"] = "Active");

        var merged = Merge(edited, Functions(("F", "\"timeout\": 10")));

        var function = Resources(merged)["F"]!;
        Assert.Equal(["Handler", "Runtime", "CodeUri", "Architectures", "Timeout", "Tracing"], Keys(function["Properties"]));
        Assert.Equal(["Handler", "Runtime", "CodeUri", "Architectures", "Timeout"],
            function["Metadata"]!["ServerlessAnalyzers"]!["Properties"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void A_property_the_user_had_added_is_taken_over_when_the_tool_starts_setting_it()
    {
        var first = Merge(null, Functions(("F", "")));
        var edited = Edit(first, root => root["Resources"]!["F"]!["Properties"]!["MemorySize"] = 2048);

        var merged = Merge(edited, Functions(("F", "\"memorySize\": 256")));

        Assert.Equal(256, Resources(merged)["F"]!["Properties"]!["MemorySize"]!.GetValue<int>());
        // And when the tool stops setting it again, it goes: it is the tool's now.
        var again = Merge(merged, Functions(("F", "")));
        Assert.Null(Resources(again)["F"]!["Properties"]!["MemorySize"]);
    }

    [Fact]
    public void A_hand_written_resource_with_a_generated_name_is_kept_with_a_warning()
    {
        const string userTemplate = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "OrdersApiGet": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": { "Handler": "mine", "Runtime": "dotnet8", "CodeUri": "src/" }
                }
              }
            }
            """;

        var result = TemplateMerger.Merge(userTemplate, Orders, Options);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(TemplateDiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(TemplateDiagnosticCodes.LogicalIdTakenByUserResource, warning.Code);
        Assert.Contains("'OrdersApiGet'", warning.Message);
        var resources = Resources(result.Text!);
        Assert.Equal(["OrdersApiGet", "OrdersApiCreate"], Keys(resources));
        Assert.True(JsonNode.DeepEquals(Resources(userTemplate)["OrdersApiGet"], resources["OrdersApiGet"]));
        Assert.True(TemplateMerger.IsOwned(resources["OrdersApiCreate"]));
    }

    [Fact]
    public void A_resource_whose_Generated_mark_the_user_set_to_false_is_the_users()
    {
        var first = Merge(null, Functions(("F", "\"memorySize\": 512")));
        var edited = Edit(first, root => root["Resources"]!["F"]!["Metadata"]!["ServerlessAnalyzers"]!["Generated"] = false);

        var result = TemplateMerger.Merge(edited, Functions(("F", "\"memorySize\": 1024")), Options);

        Assert.Equal(TemplateDiagnosticCodes.LogicalIdTakenByUserResource, Assert.Single(result.Diagnostics).Code);
        Assert.False(result.Changed);
        Assert.Equal(512, Resources(result.Text!)["F"]!["Properties"]!["MemorySize"]!.GetValue<int>());
    }

    [Fact]
    public void A_users_BuildMethod_is_kept()
    {
        var first = Merge(null, Functions(("F", "")));
        var edited = Edit(first, root => root["Resources"]!["F"]!["Metadata"]!["BuildMethod"] = "makefile");

        var result = TemplateMerger.Merge(edited, Functions(("F", "\"timeout\": 3")), Options);

        Assert.Equal("makefile", Resources(result.Text!)["F"]!["Metadata"]!["BuildMethod"]!.GetValue<string>());
    }

    [Fact]
    public void Invalid_existing_JSON_is_an_error_with_its_line_and_nothing_is_written()
    {
        const string broken = "{\n  \"Resources\": {\n    \"A\": { \"Type\": \"AWS::SNS::Topic\", }\n  }\n}\n";

        var result = TemplateMerger.Merge(broken, Orders, Options);

        Assert.Null(result.Text);
        Assert.False(result.Changed);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(TemplateDiagnosticSeverity.Error, error.Severity);
        Assert.Equal(TemplateDiagnosticCodes.InvalidTemplateJson, error.Code);
        Assert.Equal(3, error.Line);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Theory]
    [InlineData("{\"Resources\": {}, \"Resources\": {}}")]
    [InlineData("{\"Resources\": {} // comment\n}")]
    [InlineData("{\"Resources\": {")]
    public void Other_invalid_JSON_is_an_error(string broken)
    {
        var result = TemplateMerger.Merge(broken, Orders, Options);

        Assert.Null(result.Text);
        Assert.Equal(TemplateDiagnosticCodes.InvalidTemplateJson, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"Resources\": []}")]
    public void JSON_that_is_not_a_template_is_an_error(string notATemplate)
    {
        var result = TemplateMerger.Merge(notATemplate, Orders, Options);

        Assert.Null(result.Text);
        Assert.Equal(TemplateDiagnosticCodes.InvalidTemplateShape, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_users_template_without_the_SAM_transform_gets_it_after_the_format_version()
    {
        const string userTemplate = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Description": "mine",
              "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }
            }
            """;

        var root = ParseJson(Merge(userTemplate, Functions(("F", ""))));

        Assert.Equal(["AWSTemplateFormatVersion", "Transform", "Description", "Resources"], Keys(root));
        Assert.Equal("AWS::Serverless-2016-10-31", root["Transform"]!.GetValue<string>());
        Assert.Equal("mine", root["Description"]!.GetValue<string>());
        Assert.Equal(["Topic", "F"], Keys(root["Resources"]));
    }

    [Fact]
    public void Another_transform_is_kept_beside_the_SAM_transform()
    {
        var root = ParseJson(Merge("""{"Transform": "AWS::LanguageExtensions", "Resources": {}}""", Functions(("F", ""))));

        Assert.Equal(["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"], root["Transform"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void A_template_without_Resources_gets_them()
    {
        var root = ParseJson(Merge("""{"Parameters": {"P": {"Type": "String"}}}""", Functions(("F", ""))));

        Assert.Equal(["Transform", "Parameters", "Resources"], Keys(root));
    }

    [Fact]
    public void CRLF_line_endings_and_a_BOM_of_an_existing_template_are_handled()
    {
        var first = Merge(null, Functions(("F", "")));
        var crlf = "\uFEFF" + first.Replace("\n", "\r\n");

        var unchanged = TemplateMerger.Merge(crlf, Functions(("F", "")), Options);
        var changed = TemplateMerger.Merge(crlf, Functions(("F", "\"timeout\": 3")), Options);

        Assert.False(unchanged.Changed);
        Assert.True(changed.Changed);
        Assert.Equal(changed.Text!.Split('\n').Length, changed.Text.Split("\r\n").Length);
        Assert.EndsWith("}\r\n", changed.Text);
    }

    [Fact]
    public void Numbers_and_text_the_user_wrote_are_kept_verbatim()
    {
        var first = Merge(null, Functions(("F", "")));
        var edited = first.Replace("\"Resources\": {", "\"Mappings\": {\"M\": {\"k\": {\"v\": 1.50, \"s\": \"é+<>&'\"}}},\n  \"Resources\": {");

        var merged = Merge(edited, Functions(("F", "\"timeout\": 3")));

        Assert.Contains("\"v\": 1.50", merged);
        Assert.Contains("\"s\": \"é+<>&'\"", merged);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/x", "\"arn:aws:iam::123456789012:role/x\"")]
    [InlineData("MyRole", "{\"Fn::GetAtt\":[\"MyRole\",\"Arn\"]}")]
    [InlineData("MyRole.Arn", "{\"Fn::GetAtt\":[\"MyRole\",\"Arn\"]}")]
    public void Role_is_an_ARN_or_a_GetAtt_of_a_logical_ID(string role, string expected)
    {
        var text = Merge(null, Functions(("F", $"\"role\": \"{role}\"")));

        Assert.Equal(expected, Resources(text)["F"]!["Properties"]!["Role"]!.ToJsonString());
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
    }

    [Fact]
    public void Negative_reserved_concurrency_means_none()
    {
        var text = Merge(null, Functions(("F", "\"reservedConcurrency\": -1")));

        Assert.Null(Resources(text)["F"]!["Properties"]!["ReservedConcurrentExecutions"]);
    }

    [Fact]
    public void Duplicate_function_names_keep_the_first_with_a_warning()
    {
        var result = TemplateMerger.Merge(null, Functions(("F", "\"timeout\": 1"), ("F", "\"timeout\": 2")), Options);

        Assert.Equal(TemplateDiagnosticCodes.DuplicateLogicalId, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(1, Resources(result.Text!)["F"]!["Properties"]!["Timeout"]!.GetValue<int>());
    }

    [Fact]
    public void Another_resource_kind_slots_in_through_its_own_writer()
    {
        var options = new TemplateOptions
        {
            Writers = [.. TemplateOptions.DefaultWriters, new QueueWriter()],
        };
        var manifest = ServerlessManifest.Parse("""{"version":1,"functions":[{"name":"F"}],"resources":[{"queue":"Orders"}]}""");

        var first = TemplateMerger.Merge(null, manifest, options).Text!;
        var removed = TemplateMerger.Merge(first, ServerlessManifest.Parse("""{"version":1,"functions":[{"name":"F"}]}"""), options).Text!;

        Assert.Equal(["F", "OrdersQueue"], Keys(Resources(first)));
        Assert.Equal("AWS::SQS::Queue", Resources(first)["OrdersQueue"]!["Type"]!.GetValue<string>());
        Assert.Equal(["F"], Keys(Resources(removed)));
    }

    /// <summary>A stand-in for a later writer: reads its part of the raw manifest.</summary>
    private sealed class QueueWriter : IResourceWriter
    {
        public IEnumerable<OwnedResource> Write(ServerlessManifest manifest, TemplateOptions options)
        {
            foreach (var item in manifest.Raw["resources"]?.AsArray() ?? [])
            {
                var name = item!["queue"]!.GetValue<string>();
                yield return new OwnedResource(name + "Queue", "AWS::SQS::Queue",
                    [new("VisibilityTimeout", JsonValue.Create(60))]);
            }
        }
    }
}

public class SamSchemaTests
{
    [Fact]
    public void The_schema_check_rejects_what_SAM_rejects()
    {
        // Guards the in-memory draft-04 -> draft-07 adaptation: a check that passes everything proves nothing.
        var typo = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Properties": {"Handler": "F", "MemorySze": 128}}""")!;
        var badTracing = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Properties": {"Tracing": "Sometimes"}}""")!;
        var badTopLevel = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Propertys": {}}""")!;
        var good = JsonNode.Parse("""{"Type": "AWS::Serverless::Function", "Properties": {"Handler": "F", "MemorySize": 128}}""")!;

        Assert.NotEmpty(SamSchema.Validate("AWS::Serverless::Function", typo));
        Assert.NotEmpty(SamSchema.Validate("AWS::Serverless::Function", badTracing));
        Assert.NotEmpty(SamSchema.Validate("AWS::Serverless::Function", badTopLevel));
        Assert.Empty(SamSchema.Validate("AWS::Serverless::Function", good));
    }

    [Theory]
    [InlineData("AWS::Serverless::Function", "samtranslator__internal__schema_source__aws_serverless_function__Resource")]
    [InlineData("AWS::Serverless::HttpApi", "samtranslator__internal__schema_source__aws_serverless_httpapi__Resource")]
    [InlineData("AWS::Serverless::StateMachine", "samtranslator__internal__schema_source__aws_serverless_statemachine__Resource")]
    [InlineData("AWS::Serverless::SimpleTable", "samtranslator__internal__schema_source__aws_serverless_simpletable__Resource")]
    [InlineData("AWS::Serverless::CapacityProvider", "samtranslator__internal__schema_source__aws_serverless_capacity_provider__Resource")]
    public void Every_serverless_type_maps_to_its_definition(string type, string definition)
    {
        Assert.Equal(definition, SamSchema.DefinitionFor(type));
        Assert.Contains("no definition", Assert.Single(SamSchema.Validate("AWS::Serverless::Nothing", JsonNode.Parse("{}")!)));
    }
}
