using System.Diagnostics;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>
/// msbuild/build/Serverless.Analyzers.Template.targets under a real `dotnet build` of a small project, imported after
/// the SDK's targets as a package's build/ targets are. Slow (several builds): trait Category=Build.
/// </summary>
[Trait("Category", "Build")]
public class TemplateTargetsTests
{
    private const string Manifest = """{"version":1,"app":{"name":"hello"},"functions":[{"name":"Hello","memorySize":256}]}""";

    [Fact]
    public void Dotnet_build_writes_the_template_incrementally_and_honours_the_properties()
    {
        using var project = new TempProject();
        // A copy of the task, so that the build never holds the test's own copy.
        var taskDir = Directory.CreateDirectory(project.Path_("task")).FullName;
        var taskAssembly = Path.Combine(taskDir, "Serverless.Build.Tasks.dll");
        File.Copy(typeof(WriteServerlessTemplate).Assembly.Location, taskAssembly);
        File.WriteAllText(project.Path_("App.csproj"), $"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <ServerlessBuildTasksAssembly>{taskAssembly}</ServerlessBuildTasksAssembly>
              </PropertyGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{RepoPaths.TemplateTargets}" />
            </Project>
            """);
        File.WriteAllText(project.Path_("Manifest.cs"), TempProject.ManifestSource(Manifest) + """
            namespace Serverless
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class ServerlessManifestAttribute(string json) : System.Attribute
                {
                    public string Json { get; } = json;
                }
            }
            """);

        // 1. First build writes it.
        Build(project, restore: true);
        var text = File.ReadAllText(project.TemplatePath);
        Assert.Equal(256, ParseJson(text)["Resources"]!["Hello"]!["Properties"]!["MemorySize"]!.GetValue<int>());
        Assert.Empty(SamSchema.ValidateServerlessResources(text));
        var stamp = Directory.GetFiles(project.Path_("obj"), "serverless.template.stamp", SearchOption.AllDirectories).Single();
        var stampTime = File.GetLastWriteTimeUtc(stamp);
        var templateTime = File.GetLastWriteTimeUtc(project.TemplatePath);

        // 2. Nothing changed: the target is skipped, the template untouched.
        var output = Build(project);
        Assert.Contains("Skipping target \"WriteServerlessTemplate\"", output);
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(stamp));
        Assert.Equal(templateTime, File.GetLastWriteTimeUtc(project.TemplatePath));

        // 3. A deleted template comes back; a moved one goes where it is told, with the CodeUri it is given.
        File.Delete(project.TemplatePath);
        Build(project);
        Assert.Equal(text, File.ReadAllText(project.TemplatePath));
        Build(project, "-p:ServerlessTemplatePath=deploy/app.template", "-p:ServerlessCodeUri=../");
        Assert.Equal("../", ParseJson(File.ReadAllText(project.Path_("deploy/app.template")))["Resources"]!["Hello"]!["Properties"]!["CodeUri"]!.GetValue<string>());

        // 4. Turned off: nothing written.
        File.Delete(project.TemplatePath);
        Build(project, "-p:ServerlessTemplateEnabled=false");
        Assert.False(File.Exists(project.TemplatePath));
    }

    [Fact]
    public void Dotnet_build_writes_openapi_json_incrementally_and_honours_the_properties()
    {
        using var project = new TempProject();
        var taskDir = Directory.CreateDirectory(project.Path_("task")).FullName;
        var taskAssembly = Path.Combine(taskDir, "Serverless.Build.Tasks.dll");
        File.Copy(typeof(WriteServerlessOpenApi).Assembly.Location, taskAssembly);
        File.WriteAllText(project.Path_("App.csproj"), $"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Version>3.1.4</Version>
                <ServerlessBuildTasksAssembly>{taskAssembly}</ServerlessBuildTasksAssembly>
              </PropertyGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{RepoPaths.TemplateTargets}" />
              <Import Project="{RepoPaths.OpenApiTargets}" />
            </Project>
            """);
        File.WriteAllText(project.Path_("Manifest.cs"), TempProject.ManifestSource(
            """{"version":1,"app":{"name":"hello"},"functions":[{"name":"Hello","http":[{"method":"GET","path":"/hello","api":"HttpApi"}]}]}""") + """
            namespace Serverless
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly)]
                public sealed class ServerlessManifestAttribute(string json) : System.Attribute
                {
                    public string Json { get; } = json;
                }
            }
            """);
        var documentPath = project.Path_("openapi.json");

        // 1. First build writes it beside the template, with the project's version.
        Build(project, restore: true);
        Assert.True(File.Exists(project.TemplatePath));
        var document = OpenApiReader.ReadClean(File.ReadAllText(documentPath));
        Assert.Equal(("hello", "3.1.4"), (document.Info.Title, document.Info.Version));
        var documentTime = File.GetLastWriteTimeUtc(documentPath);

        // 2. Nothing changed: the target is skipped, the document untouched.
        var output = Build(project);
        Assert.Contains("Skipping target \"WriteServerlessOpenApi\"", output);
        Assert.Equal(documentTime, File.GetLastWriteTimeUtc(documentPath));

        // 3. Moved, versioned, and turned off.
        Build(project, "-p:ServerlessOpenApiPath=docs/api.json", "-p:ServerlessOpenApiVersion=2026-01");
        Assert.Equal("2026-01", OpenApiReader.ReadClean(File.ReadAllText(project.Path_("docs/api.json"))).Info.Version);
        File.Delete(documentPath);
        Build(project, "-p:ServerlessOpenApiEnabled=false");
        Assert.False(File.Exists(documentPath));
    }

    private static string Build(TempProject project, params string[] args) => Build(project, restore: false, args);

    private static string Build(TempProject project, bool restore, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "build", "App.csproj", "-nologo", "-v:d", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(arg);
        }

        if (!restore)
        {
            start.ArgumentList.Add("--no-restore");
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build timed out");
        var output = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, $"dotnet build {string.Join(" ", args)} failed:\n{Tail(output)}");
        return output;
    }

    private static string Tail(string output) => output.Length > 6000 ? output[^6000..] : output;
}
