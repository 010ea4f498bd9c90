using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

public class WriteServerlessTemplateTests
{
    private static (WriteServerlessTemplate Task, RecordingBuildEngine Engine, bool Result) Run(
        TempProject project, string assembly, string? templatePath = null, string? codeUri = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new WriteServerlessTemplate
        {
            BuildEngine = engine,
            AssemblyPath = assembly,
            TemplatePath = templatePath ?? project.TemplatePath,
            ProjectDirectory = project.Directory,
            CodeUri = codeUri,
        };
        var result = task.Execute();
        return (task, engine, result);
    }

    [Fact]
    public void Reads_the_manifest_of_a_compiled_assembly_without_locking_it()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource(OrdersManifestJson) + "namespace Orders { public class OrdersApi { } }");

        var json = AssemblyManifestReader.ReadManifestJson(assembly);

        Assert.Equal(OrdersManifestJson, json);
        // Not held open: the compiler may overwrite it right away.
        File.WriteAllBytes(assembly, File.ReadAllBytes(assembly));
        File.Delete(assembly);
    }

    [Fact]
    public void Reads_the_manifest_when_the_attribute_is_declared_in_the_same_assembly()
    {
        using var project = new TempProject();
        var assembly = project.Compile(
            TempProject.ManifestSource("""{"version":1}""") + """
            namespace Serverless
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class ServerlessManifestAttribute : System.Attribute
                {
                    public ServerlessManifestAttribute(string json) { }
                }
            }
            """,
            referenceAnnotations: false);

        Assert.Equal("""{"version":1}""", AssemblyManifestReader.ReadManifestJson(assembly));
    }

    [Fact]
    public void An_assembly_without_the_attribute_has_no_manifest()
    {
        using var project = new TempProject();
        var assembly = project.Compile("""
            [assembly: System.Reflection.AssemblyDescription("x")]
            [assembly: Other.ServerlessManifest("not ours")]
            namespace Other { public sealed class ServerlessManifestAttribute : System.Attribute { public ServerlessManifestAttribute(string s) { } } }
            """);

        Assert.Null(AssemblyManifestReader.ReadManifestJson(assembly));
    }

    [Fact]
    public void End_to_end_writes_the_template_then_leaves_it_untouched_then_updates_it()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource(OrdersManifestJson));

        var first = Run(project, assembly);

        Assert.True(first.Result);
        Assert.True(first.Task.Written);
        Assert.Empty(first.Engine.Errors);
        Assert.Empty(first.Engine.Warnings);
        var text = File.ReadAllText(project.TemplatePath);
        Assert.Equal(TemplateMerger.Merge(null, Orders, new TemplateOptions { FallbackAppName = "App" }).Text, text);
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        Assert.False(File.Exists(project.TemplatePath + ".tmp"));

        // Unchanged: not rewritten, its timestamp included.
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(project.TemplatePath, stamp);
        var second = Run(project, assembly);
        Assert.True(second.Result);
        Assert.False(second.Task.Written);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(project.TemplatePath));

        // A hand edit survives a changed manifest.
        File.WriteAllText(project.TemplatePath, text.Replace("\"Resources\": {", "\"Outputs\": {\"O\": {\"Value\": \"v\"}},\n  \"Resources\": {"));
        var changed = project.Compile(TempProject.ManifestSource(OrdersManifestJson.Replace("\"timeout\": 10", "\"timeout\": 20")), "App2");
        var third = Run(project, changed);
        Assert.True(third.Task.Written);
        var merged = ParseJson(File.ReadAllText(project.TemplatePath));
        Assert.Equal(20, merged["Resources"]!["OrdersApiCreate"]!["Properties"]!["Timeout"]!.GetValue<int>());
        Assert.Equal("v", merged["Outputs"]!["O"]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public void Relative_template_path_and_code_uri()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource("""{"version":1,"functions":[{"name":"F"}]}"""));

        var run = Run(project, assembly, templatePath: "deploy/app.template", codeUri: "../");

        Assert.True(run.Task.Written);
        Assert.Equal(project.Path_("deploy/app.template"), run.Task.FullTemplatePath);
        var root = ParseJson(File.ReadAllText(project.Path_("deploy/app.template")));
        Assert.Equal("../", root["Resources"]!["F"]!["Properties"]!["CodeUri"]!.GetValue<string>());
        Assert.Equal("App (Lambda functions built with Serverless.Analyzers)", root["Description"]!.GetValue<string>());
    }

    [Fact]
    public void No_manifest_and_no_template_writes_nothing()
    {
        using var project = new TempProject();
        var assembly = project.Compile("public class C { }");

        var run = Run(project, assembly);

        Assert.True(run.Result);
        Assert.False(run.Task.Written);
        Assert.False(File.Exists(project.TemplatePath));
    }

    [Fact]
    public void No_manifest_removes_the_tools_functions_from_an_existing_template()
    {
        using var project = new TempProject();
        Run(project, project.Compile(TempProject.ManifestSource(OrdersManifestJson)));
        File.WriteAllText(project.TemplatePath, Edit(File.ReadAllText(project.TemplatePath),
            root => root["Resources"]!["Topic"] = System.Text.Json.Nodes.JsonNode.Parse("""{"Type": "AWS::SNS::Topic"}""")));

        var run = Run(project, project.Compile("public class C { }", "App2"));

        Assert.True(run.Task.Written);
        Assert.Equal(["Topic"], Keys(ParseJson(File.ReadAllText(project.TemplatePath))["Resources"]));
    }

    [Fact]
    public void Invalid_template_JSON_is_an_error_naming_the_file_and_line_and_the_file_is_kept()
    {
        using var project = new TempProject();
        const string broken = "{\n  \"Resources\": {\n    oops\n  }\n}\n";
        File.WriteAllText(project.TemplatePath, broken);
        var assembly = project.Compile(TempProject.ManifestSource(OrdersManifestJson));

        var run = Run(project, assembly);

        Assert.False(run.Result);
        Assert.False(run.Task.Written);
        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal(TemplateDiagnosticCodes.InvalidTemplateJson, error.Code);
        Assert.Equal(project.TemplatePath, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(broken, File.ReadAllText(project.TemplatePath));
    }

    [Fact]
    public void A_hand_written_function_with_a_generated_name_is_a_warning_and_is_kept()
    {
        using var project = new TempProject();
        const string mine = """
            {
              "Resources": {
                "OrdersApiGet": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "mine" } }
              }
            }
            """;
        File.WriteAllText(project.TemplatePath, mine);

        var run = Run(project, project.Compile(TempProject.ManifestSource(OrdersManifestJson)));

        Assert.True(run.Result);
        var warning = Assert.Single(run.Engine.Warnings);
        Assert.Equal(TemplateDiagnosticCodes.LogicalIdTakenByUserResource, warning.Code);
        Assert.Equal(project.TemplatePath, warning.File);
        Assert.Equal("mine", ParseJson(File.ReadAllText(project.TemplatePath))["Resources"]!["OrdersApiGet"]!["Properties"]!["Handler"]!.GetValue<string>());
    }

    [Fact]
    public void A_malformed_manifest_is_an_error_naming_the_assembly()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource("""{"version":1,"functions":[{"name":"F","memorySize":"big"}]}"""));

        var run = Run(project, assembly);

        Assert.False(run.Result);
        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal(TemplateDiagnosticCodes.InvalidManifest, error.Code);
        Assert.Contains("$.functions[0].memorySize must be an integer", error.Message);
        Assert.False(File.Exists(project.TemplatePath));
    }

    [Fact]
    public void A_newer_manifest_version_is_an_error()
    {
        var ex = Assert.Throws<ManifestException>(() => ServerlessManifest.Parse("""{"version":2}"""));

        Assert.Contains("version 2", ex.Message);
    }
}
