using System.Text.Json.Nodes;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>[RdsProxy] in the template: the endpoint variable, rds-db:connect, and the proxy's resource or parameters.</summary>
public class RdsProxyTemplateTests
{
    private const string Placeholder = "orders-db.proxy-xxxxxxxxxxxx.xx-xxxxxxxxx-x.rds.amazonaws.com";

    private static ServerlessManifest WithProxy => Functions(
        ("Create", $$"""
            "policies": ["AWSLambdaBasicExecutionRole"],
            "environment": {"RDS_PROXY_ENDPOINT": "{{Placeholder}}", "STAGE": "prod"},
            "rdsProxy": {"name": "orders-db", "endpointVariable": "RDS_PROXY_ENDPOINT"}
            """),
        ("Report", $$"""
            "environment": {"REPORTS_DB": "{{Placeholder}}"},
            "rdsProxy": {"name": "orders-db", "endpointVariable": "REPORTS_DB"}
            """),
        ("Edge", """
            "edge": ["viewer-request"],
            "rdsProxy": {"name": "orders-db", "endpointVariable": "RDS_PROXY_ENDPOINT"}
            """),
        ("Plain", "\"environment\": {\"STAGE\": \"prod\"}"));

    private const string UserProxy = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "OrdersDbProxy": {
              "Type": "AWS::RDS::DBProxy",
              "Properties": {
                "DBProxyName": "orders-db",
                "EngineFamily": "POSTGRESQL",
                "RoleArn": "arn:aws:iam::123456789012:role/proxy",
                "Auth": [{"AuthScheme": "SECRETS", "IAMAuth": "REQUIRED", "SecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"}],
                "VpcSubnetIds": ["subnet-1", "subnet-2"]
              }
            }
          }
        }
        """;

    [Fact]
    public void Without_a_proxy_resource_the_endpoint_and_resource_id_are_tool_owned_parameters()
    {
        var text = Merge(null, WithProxy);
        var root = ParseJson(text);
        var create = root["Resources"]!["Create"]!["Properties"]!;
        Assert.Equal("""{"Ref":"OrdersDbProxyEndpoint"}""", create["Environment"]!["Variables"]!["RDS_PROXY_ENDPOINT"]!.ToJsonString());
        Assert.Equal("prod", create["Environment"]!["Variables"]!["STAGE"]!.GetValue<string>());
        Assert.Equal(
            """["AWSLambdaBasicExecutionRole",{"Statement":[{"Effect":"Allow","Action":"rds-db:connect","Resource":{"Fn::Sub":"arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${OrdersDbProxyResourceId}/*"}}]}]""",
            create["Policies"]!.ToJsonString());

        var report = root["Resources"]!["Report"]!["Properties"]!;
        Assert.Equal("""{"REPORTS_DB":{"Ref":"OrdersDbProxyEndpoint"}}""", report["Environment"]!["Variables"]!.ToJsonString());
        Assert.Single(report["Policies"]!.AsArray());

        // Lambda@Edge has no environment and no VPC: nothing of the proxy.
        var edge = root["Resources"]!["Edge"]!["Properties"]!.AsObject();
        Assert.False(edge.ContainsKey("Environment"));
        Assert.False(edge.ContainsKey("Policies"));
        Assert.False(root["Resources"]!["Plain"]!["Properties"]!.AsObject().ContainsKey("Policies"));

        // One pair of parameters per proxy, before Resources, listed as the tool's.
        Assert.Equal(new[] { "AWSTemplateFormatVersion", "Transform", "Description", "Parameters", "Resources", "Metadata" }, Keys(root));
        Assert.Equal(new[] { "OrdersDbProxyEndpoint", "OrdersDbProxyResourceId" }, Keys(root["Parameters"]));
        Assert.Equal("String", root["Parameters"]!["OrdersDbProxyEndpoint"]!["Type"]!.GetValue<string>());
        Assert.Matches(root["Parameters"]!["OrdersDbProxyResourceId"]!["AllowedPattern"]!.GetValue<string>(), "prx-0123456789abcdef0");
        Assert.Equal("""{"ServerlessAnalyzers":{"Parameters":["OrdersDbProxyEndpoint","OrdersDbProxyResourceId"]}}""", root["Metadata"]!.ToJsonString());

        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        Assert.Equal(text, Merge(text, WithProxy));   // idempotent
    }

    [Fact]
    public void A_hand_written_DBProxy_with_that_name_gives_the_endpoint_and_the_resource_id()
    {
        var text = Merge(UserProxy, WithProxy);
        var root = ParseJson(text);
        var create = root["Resources"]!["Create"]!["Properties"]!;
        Assert.Equal("""{"Fn::GetAtt":["OrdersDbProxy","Endpoint"]}""", create["Environment"]!["Variables"]!["RDS_PROXY_ENDPOINT"]!.ToJsonString());
        Assert.Equal(
            """{"Statement":[{"Effect":"Allow","Action":"rds-db:connect","Resource":{"Fn::Sub":["arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${ProxyResourceId}/*",{"ProxyResourceId":{"Fn::Select":[6,{"Fn::Split":[":",{"Fn::GetAtt":["OrdersDbProxy","DBProxyArn"]}]}]}}]}}]}""",
            create["Policies"]![1]!.ToJsonString());
        Assert.False(root.ContainsKey("Parameters"));
        Assert.False(root.ContainsKey("Metadata"));
        Assert.Equal(JsonNode.Parse(UserProxy)!["Resources"]!["OrdersDbProxy"]!.ToJsonString(), root["Resources"]!["OrdersDbProxy"]!.ToJsonString());

        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        Assert.Equal(text, Merge(text, WithProxy));
    }

    [Fact]
    public void Adding_the_proxy_resource_later_removes_the_parameters_and_removing_it_brings_them_back()
    {
        var first = Merge(null, WithProxy);
        var withResource = Edit(first, root =>
            root["Resources"]!["OrdersDbProxy"] = JsonNode.Parse(UserProxy)!["Resources"]!["OrdersDbProxy"]!.DeepClone());
        var merged = ParseJson(Merge(withResource, WithProxy));
        Assert.False(merged.ContainsKey("Parameters"));
        Assert.False(merged.ContainsKey("Metadata"));
        Assert.Equal("""{"Fn::GetAtt":["OrdersDbProxy","Endpoint"]}""",
            merged["Resources"]!["Report"]!["Properties"]!["Environment"]!["Variables"]!["REPORTS_DB"]!.ToJsonString());

        var removed = Edit(Merge(withResource, WithProxy), root => root["Resources"]!.AsObject().Remove("OrdersDbProxy"));
        Assert.Equal(first, Merge(removed, WithProxy));
    }

    [Fact]
    public void A_proxy_is_also_found_by_its_logical_id_and_other_resources_are_not_proxies()
    {
        var template = """
            {
              "Resources": {
                "OrdersDb": { "Type": "AWS::RDS::DBProxy", "Properties": { "EngineFamily": "MYSQL" } },
                "orders-db-queue": { "Type": "AWS::SQS::Queue" }
              }
            }
            """;
        var manifest = Functions(("Create", """
            "rdsProxy": {"name": "OrdersDb"}
            """));
        var create = ParseJson(Merge(template, manifest))["Resources"]!["Create"]!["Properties"]!;
        Assert.Equal("""{"RDS_PROXY_ENDPOINT":{"Fn::GetAtt":["OrdersDb","Endpoint"]}}""", create["Environment"]!["Variables"]!.ToJsonString());

        Assert.Null(RdsProxyTemplate.FindProxyResource(JsonNode.Parse(template)!["Resources"]!.AsObject(), "orders-db-queue"));
        Assert.Equal("OrdersDbProxyEndpoint", RdsProxyTemplate.EndpointParameter("orders-db"));
        Assert.Equal("Rds1stProxyResourceId", RdsProxyTemplate.ResourceIdParameter("1st"));
    }

    [Fact]
    public void Manifest_rds_proxy_is_read()
    {
        var function = Assert.Single(Functions(("Create", """
            "rdsProxy": {"name": "orders-db"}
            """)).Functions);
        Assert.Equal(new ManifestRdsProxy("orders-db", "RDS_PROXY_ENDPOINT"), function.RdsProxy);
        Assert.Throws<ManifestException>(() => Functions(("Bad", "\"rdsProxy\": {\"endpointVariable\": \"X\"}")));
        Assert.Throws<ManifestException>(() => Functions(("Bad", "\"rdsProxy\": \"orders-db\"")));
    }
}
