using Serverless.Build.Tasks.OpenApi;

namespace Serverless.Build.Tasks.Tests;

public class WriteServerlessOpenApiTests
{
    private const string HttpManifest = """
        {"version":1,"app":{"name":"orders"},"functions":[{"name":"OrdersGet","method":"App.Orders.Get","http":[{"method":"GET","path":"/orders","api":"HttpApi","responses":{"200":{"description":"OK"}}}]}]}
        """;

    private static (WriteServerlessOpenApi Task, RecordingBuildEngine Engine, bool Result) Run(TempProject project, string assembly, string path = "openapi.json", string? version = null)
    {
        var engine = new RecordingBuildEngine();
        var task = new WriteServerlessOpenApi
        {
            BuildEngine = engine,
            AssemblyPath = assembly,
            OpenApiPath = path,
            ProjectDirectory = project.Directory,
            Version = version,
        };
        return (task, engine, task.Execute());
    }

    [Fact]
    public void Writes_the_document_next_to_the_project_and_leaves_it_untouched_when_nothing_changed()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource(HttpManifest));
        var path = project.Path_("openapi.json");

        var first = Run(project, assembly, version: "1.2.3");
        Assert.True(first.Result);
        Assert.True(first.Task.Written);
        var document = OpenApiReader.ReadClean(File.ReadAllText(path));
        Assert.Equal(("orders", "1.2.3"), (document.Info.Title, document.Info.Version));

        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);
        var second = Run(project, assembly, version: "1.2.3");
        Assert.True(second.Result);
        Assert.False(second.Task.Written);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));

        // A hand edit is replaced: the document is generated whole.
        File.WriteAllText(path, "{}");
        Assert.True(Run(project, assembly, version: "1.2.3").Task.Written);
        Assert.Equal("1.2.3", OpenApiReader.ReadClean(File.ReadAllText(path)).Info.Version);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void An_app_without_routes_writes_nothing_and_keeps_an_existing_file()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource("""{"version":1,"functions":[{"name":"Worker"}]}"""));

        var run = Run(project, assembly, path: "docs/api.json");
        Assert.True(run.Result);
        Assert.False(File.Exists(project.Path_("docs/api.json")));

        File.WriteAllText(project.Path_("openapi.json"), "mine");
        Assert.True(Run(project, assembly).Result);
        Assert.Equal("mine", File.ReadAllText(project.Path_("openapi.json")));

        // A document of someone else's making (no x-serverless-api on its operations) stays too.
        const string HandWritten = """{"openapi":"3.0.3","paths":{"/x":{"get":{"responses":{"200":{"description":"OK"}}}}}}""";
        File.WriteAllText(project.Path_("openapi.json"), HandWritten);
        Assert.True(Run(project, assembly).Result);
        Assert.Equal(HandWritten, File.ReadAllText(project.Path_("openapi.json")));
    }

    [Fact]
    public void The_generated_document_goes_when_the_last_route_does()
    {
        using var project = new TempProject();
        var withRoutes = project.Compile(TempProject.ManifestSource(HttpManifest));
        Assert.True(Run(project, withRoutes).Task.Written);
        Assert.True(File.Exists(project.Path_("openapi.json")));

        var withoutRoutes = project.Compile(TempProject.ManifestSource("""{"version":1,"functions":[{"name":"Worker"}]}"""), assemblyName: "Worker");
        var run = Run(project, withoutRoutes);
        Assert.True(run.Result);
        Assert.False(File.Exists(project.Path_("openapi.json")));
        Assert.Empty(run.Engine.Warnings);
    }

    [Fact]
    public void A_relative_path_is_taken_from_the_project_and_folders_are_created()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource(HttpManifest));

        Assert.True(Run(project, assembly, path: "api/v1/openapi.json").Result);
        Assert.Equal("1.0.0", OpenApiReader.ReadClean(File.ReadAllText(project.Path_("api/v1/openapi.json"))).Info.Version);
    }

    [Fact]
    public void A_bad_manifest_is_an_error_with_the_assembly_path()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource("""{"version":1,"functions":[{"name":"F","http":[{"path":"/x"}]}]}"""));

        var run = Run(project, assembly);
        Assert.False(run.Result);
        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("SLST004", error.Code);
        Assert.Contains("needs 'method' and 'path'", error.Message);
    }

    [Fact]
    public void A_duplicate_route_is_a_warning()
    {
        using var project = new TempProject();
        var assembly = project.Compile(TempProject.ManifestSource("""
            {"version":1,"functions":[{"name":"A","http":[{"method":"GET","path":"/x","api":"HttpApi"}]},{"name":"B","http":[{"method":"GET","path":"/x","api":"HttpApi"}]}]}
            """));

        var run = Run(project, assembly);
        Assert.True(run.Result);
        Assert.Equal(OpenApiDiagnosticCodes.RouteLeftOut, Assert.Single(run.Engine.Warnings).Code);
    }
}
