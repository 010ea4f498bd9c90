using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>[Environment(key, FromParameter/FromSecret)] in the template: policies, the extension layer and its parameter.</summary>
public class EnvironmentReferenceTemplateTests
{
    private const string Refs = """
        "environment": {"DB_PASSWORD": "/orders/db-password", "API_KEY": "orders/api-key", "STAGE": "prod"},
        "parameterReferences": {"DB_PASSWORD": "/orders/db-password"},
        "secretReferences": {"API_KEY": "orders/api-key"},
        "policies": ["AWSLambdaBasicExecutionRole"]
        """;

    private static ServerlessManifest WithReferences => Functions(
        ("Create", Refs),
        ("Arm", """
            "architecture": "arm64",
            "secretReferences": {"TOKEN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t-AbCdEf"},
            "environment": {"TOKEN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t-AbCdEf"}
            """),
        ("Plain", "\"environment\": {\"STAGE\": \"prod\"}"));

    private static ServerlessManifest WithoutReferences => Functions(("Create", "\"environment\": {\"STAGE\": \"prod\"}"), ("Plain", ""));

    [Fact]
    public void Functions_with_references_get_read_policies_and_the_extension_layer()
    {
        var text = Merge(null, WithReferences);
        var resources = Resources(text);

        var create = resources["Create"]!["Properties"]!;
        Assert.Equal(
            """["AWSLambdaBasicExecutionRole",{"SSMParameterReadPolicy":{"ParameterName":"orders/db-password"}},{"AWSSecretsManagerGetSecretValuePolicy":{"SecretArn":{"Fn::Sub":"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:orders/api-key-??????"}}}]""",
            create["Policies"]!.ToJsonString());
        Assert.Equal("""[{"Ref":"ParametersSecretsExtensionLayerArn"}]""", create["Layers"]!.ToJsonString());
        Assert.Equal("/orders/db-password", create["Environment"]!["Variables"]!["DB_PASSWORD"]!.GetValue<string>());

        var arm = resources["Arm"]!["Properties"]!;
        Assert.Equal("""[{"AWSSecretsManagerGetSecretValuePolicy":{"SecretArn":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:t-AbCdEf"}}]""", arm["Policies"]!.ToJsonString());
        Assert.Equal("""[{"Ref":"ParametersSecretsExtensionArm64LayerArn"}]""", arm["Layers"]!.ToJsonString());

        var plain = resources["Plain"]!["Properties"]!.AsObject();
        Assert.False(plain.ContainsKey("Layers"));
        Assert.False(plain.ContainsKey("Policies"));

        // One parameter per architecture in use, before Resources, listed as the tool's.
        var root = ParseJson(text);
        Assert.Equal(new[] { "AWSTemplateFormatVersion", "Transform", "Description", "Parameters", "Resources", "Metadata" }, Keys(root));
        Assert.Equal(new[] { "ParametersSecretsExtensionLayerArn", "ParametersSecretsExtensionArm64LayerArn" }, Keys(root["Parameters"]));
        var parameter = root["Parameters"]!["ParametersSecretsExtensionLayerArn"]!;
        Assert.Equal("String", parameter["Type"]!.GetValue<string>());
        Assert.Contains("ps-integration-lambda-extensions", parameter["Description"]!.GetValue<string>());
        Assert.Equal("""{"ServerlessAnalyzers":{"Parameters":["ParametersSecretsExtensionLayerArn","ParametersSecretsExtensionArm64LayerArn"]}}""", root["Metadata"]!.ToJsonString());

        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        Assert.Matches(parameter["AllowedPattern"]!.GetValue<string>(), "arn:aws:lambda:eu-west-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12");
    }

    [Fact]
    public void The_parameter_is_added_once_kept_with_the_users_default_and_removed_when_no_function_needs_it()
    {
        var first = Merge(null, WithReferences);
        Assert.Equal(first, Merge(first, WithReferences));   // idempotent: nothing rewritten

        // The user sets a Default (their region's ARN) and a parameter and metadata of their own.
        var edited = Edit(first, root =>
        {
            root["Parameters"]!["ParametersSecretsExtensionLayerArn"]!["Default"] = "arn:aws:lambda:eu-west-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12";
            root["Parameters"]!["Stage"] = new JsonObject { ["Type"] = "String" };
            root["Metadata"]!["Mine"] = "kept";
        });
        var again = Merge(edited, WithReferences);
        Assert.Equal(edited, again);

        // Only x86_64 functions need it now: the arm64 parameter goes, the user's Default stays.
        var x86Only = Merge(edited, Functions(("Create", Refs), ("Plain", "")));
        var root = ParseJson(x86Only);
        Assert.Equal(new[] { "ParametersSecretsExtensionLayerArn", "Stage" }, Keys(root["Parameters"]));
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12",
            root["Parameters"]!["ParametersSecretsExtensionLayerArn"]!["Default"]!.GetValue<string>());
        Assert.Equal("""{"ServerlessAnalyzers":{"Parameters":["ParametersSecretsExtensionLayerArn"]},"Mine":"kept"}""", root["Metadata"]!.ToJsonString());

        // No references left: the tool's parameter, its list and the function's policies and layer go; the user's stay.
        var none = ParseJson(Merge(x86Only, WithoutReferences));
        Assert.Equal(new[] { "Stage" }, Keys(none["Parameters"]));
        Assert.Equal("""{"Mine":"kept"}""", none["Metadata"]!.ToJsonString());
        var create = none["Resources"]!["Create"]!["Properties"]!.AsObject();
        Assert.False(create.ContainsKey("Layers"));
        Assert.False(create.ContainsKey("Policies"));
    }

    [Fact]
    public void Removing_the_last_reference_from_a_new_template_leaves_no_trace()
    {
        var first = Merge(null, WithReferences);
        var after = ParseJson(Merge(first, WithoutReferences));
        Assert.Equal(new[] { "AWSTemplateFormatVersion", "Transform", "Description", "Resources" }, Keys(after));
        Assert.Equal(Merge(null, WithoutReferences), Merge(first, WithoutReferences));
    }

    [Fact]
    public void A_users_parameter_of_the_same_name_is_theirs()
    {
        var users = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "ParametersSecretsExtensionLayerArn": {
                  "Type": "String",
                  "Default": "arn:aws:lambda:us-east-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension:11"
                }
              },
              "Resources": {}
            }
            """;
        var merged = ParseJson(Merge(users, Functions(("Create", Refs))));
        Assert.Equal("""{"Type":"String","Default":"arn:aws:lambda:us-east-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension:11"}""",
            merged["Parameters"]!["ParametersSecretsExtensionLayerArn"]!.ToJsonString());
        Assert.False(merged.ContainsKey("Metadata"));
        Assert.Equal("""[{"Ref":"ParametersSecretsExtensionLayerArn"}]""", merged["Resources"]!["Create"]!["Properties"]!["Layers"]!.ToJsonString());
    }

    [Fact]
    public void Manifest_reference_fields_are_read()
    {
        var function = Assert.Single(Functions(("Create", Refs)).Functions);
        Assert.Equal(new[] { new KeyValuePair<string, string>("DB_PASSWORD", "/orders/db-password") }, function.ParameterReferences);
        Assert.Equal(new[] { new KeyValuePair<string, string>("API_KEY", "orders/api-key") }, function.SecretReferences);
        Assert.Throws<ManifestException>(() => Functions(("Bad", "\"secretReferences\": {\"A\": 1}")));
    }
}
