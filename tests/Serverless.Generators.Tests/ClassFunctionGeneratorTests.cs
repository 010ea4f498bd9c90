using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Serverless.Generators.Tests.Infrastructure;

namespace Serverless.Generators.Tests;

/// <summary>Class-level [LambdaFunction]: one function, one router over the class's routed public methods.</summary>
public sealed class ClassFunctionGeneratorTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Serverless;

        namespace App
        {
            public sealed class Item { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
            public interface IInventory { Item? Find(string sku); }

            [JsonSerializable(typeof(Item))]
            [JsonSerializable(typeof(Item[]))]
            public partial class AppJson : JsonSerializerContext;

            [LambdaStartup]
            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) { }
            }
        }

        """;

    [Fact]
    public void ClassFunctionRoutesStaticAndInstanceMethods()
    {
        var result = GeneratorHarness.Run(Prelude + """
            namespace App
            {
                [LambdaFunction(MemorySize = 256, Timeout = 10)]
                [Environment("TABLE", "inventory")]
                public sealed class InventoryApi(IInventory inventory)
                {
                    [HttpApi(HttpVerb.Get, "/items")]
                    public static Item[] List([Range(1, 100)] int take = 20) => Array.Empty<Item>();

                    [HttpApi(HttpVerb.Get, "/items/{sku}")]
                    public Item? Get(string sku) => inventory.Find(sku);

                    [HttpApi(HttpVerb.Get, "/items/reserved")]
                    public static Item[] Reserved() => Array.Empty<Item>();

                    [HttpApi(HttpVerb.Put, "/items/{sku}")]
                    public Task<IHttpResult> Put(string sku, [FromBody] Item item, [FromServices] IInventory other, CancellationToken cancellationToken) =>
                        Task.FromResult<IHttpResult>(HttpResults.NoContent());

                    [HttpApi(HttpVerb.Get, "/files/{path+}")]
                    [RestApi(HttpVerb.Get, "/legacy/files/{path+}")]
                    public static string File(string path) => path;

                    [HttpApi(HttpVerb.Get, "/find/{sku}")]
                    public Item? Find([RegularExpression("^[A-Z]+$")] string sku) => null;

                    [HttpApi(HttpVerb.Get, "/find")]
                    public Item? Find([RegularExpression("^[a-z]+$")] string name, int limit) => null;

                    // Neither is an endpoint: not public, or no route.
                    [HttpApi(HttpVerb.Delete, "/items/{sku}")]
                    internal void Hidden(string sku) { }

                    public void Helper() { }
                }
            }
            """);

        var api = result.File("Functions/InventoryApi.g.cs");
        Assert.Contains("var target = new global::App.InventoryApi(", api);
        Assert.Contains(".Map(\"GET\", \"/items\", List_Http)", api);
        Assert.Contains(".Map(\"GET\", \"/items/{sku}\", (request, invocation) => Get_Http(target, request, invocation))", api);
        Assert.Contains(".Map(\"GET\", \"/legacy/files/{path+}\", File_Http)", api);
        Assert.Contains(".Map(\"GET\", \"/find\", (request, invocation) => Find_2_Http(target, request, invocation));", api);
        Assert.Contains("HttpFunction.InvokeAsync(invocation, router, global::App.AppJson.Default.Options)", api);
        Assert.Contains("private static readonly global::System.Text.RegularExpressions.Regex Find_1_Pattern_sku_0", api);
        Assert.Contains("private static readonly global::System.Text.RegularExpressions.Regex Find_2_Pattern_name_0", api);
        Assert.DoesNotContain("Hidden", api);
        Assert.DoesNotContain("Helper", api);
        Assert.False(result.Files.ContainsKey("Functions/InventoryApiGet.g.cs"));

        var manifest = ManifestFunctions(result);
        var function = Assert.Single(manifest).Value;
        Assert.Equal("App.InventoryApi", function.GetProperty("method").GetString());
        Assert.Equal(256, function.GetProperty("memorySize").GetInt32());
        Assert.Equal("inventory", function.GetProperty("environment").GetProperty("TABLE").GetString());
        Assert.Equal(
            """[{"method":"GET","path":"/items","api":"HttpApi"},{"method":"GET","path":"/items/{sku}","api":"HttpApi"},{"method":"GET","path":"/items/reserved","api":"HttpApi"},{"method":"PUT","path":"/items/{sku}","api":"HttpApi"},{"method":"GET","path":"/files/{path+}","api":"HttpApi"},{"method":"GET","path":"/legacy/files/{path+}","api":"RestApi"},{"method":"GET","path":"/find/{sku}","api":"HttpApi"},{"method":"GET","path":"/find","api":"HttpApi"}]""",
            GeneratedManifest.Routes(function));
        // Each endpoint's own OpenAPI facts: /items takes the query value take, /items/{sku} the route value sku.
        var routes = function.GetProperty("http");
        Assert.Equal("take", routes[0].GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.Equal("path", routes[1].GetProperty("parameters")[0].GetProperty("in").GetString());
        Assert.Equal("sku", routes[1].GetProperty("parameters")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void StaticClassFunctionNeedsNoInstanceAndNestedPartialPartsJoin()
    {
        var result = GeneratorHarness.Run(new[]
        {
            Prelude + """
                namespace App
                {
                    public static partial class Shop
                    {
                        [LambdaFunction(Name = "Catalog")]
                        public static partial class CatalogApi
                        {
                            [HttpApi(HttpVerb.Get, "/catalog/{id}")]
                            public static Item Get(int id) => new Item();
                        }
                    }
                }
                """,
            """
                using Serverless;
                namespace App
                {
                    public static partial class Shop
                    {
                        public static partial class CatalogApi
                        {
                            [HttpApi(HttpVerb.Delete, "/catalog/{id}")]
                            public static void Delete(int id) { }
                        }
                    }
                }
                """,
        }, null);

        var api = result.File("Functions/Catalog.g.cs");
        Assert.Contains("static _ =>", api);
        Assert.DoesNotContain("target", api);
        Assert.Contains(".Map(\"GET\", \"/catalog/{id}\", Get_Http)", api);
        Assert.Contains(".Map(\"DELETE\", \"/catalog/{id}\", Delete_Http);", api);
        Assert.Equal("App.Shop.CatalogApi", ManifestFunctions(result)["Catalog"].GetProperty("method").GetString());
    }

    [Fact]
    public void ClassFunctionDefaultNameIncludesOuterTypes()
    {
        var result = GeneratorHarness.Run(Prelude + """
            namespace App
            {
                public static class Shop
                {
                    [LambdaFunction]
                    public sealed class Orders
                    {
                        [HttpApi(HttpVerb.Get, "/orders")]
                        public Item[] List() => Array.Empty<Item>();
                    }
                }
            }
            """, new GeneratorTestOptions { CheckBaselines = false });

        Assert.Contains("new global::App.Shop.Orders()", result.File("Functions/ShopOrders.g.cs"));
    }

    [Fact]
    public void AmbiguousOrRoutelessClassFunctionsAreNotEmitted()
    {
        var result = GeneratorHarness.Run(Prelude + """
            namespace App
            {
                [LambdaFunction]
                public sealed class Empty
                {
                    public void NotRouted() { }
                }

                [LambdaFunction]
                public sealed class Mixed
                {
                    // SLS3021 (an error): the generator keeps it an endpoint of the class, as the fix makes it.
                    [LambdaFunction]
                    [HttpApi(HttpVerb.Get, "/mixed")]
                    public string Get() => "";

                    [HttpApi(HttpVerb.Post, "/mixed")]
                    public void Post() { }
                }
            }
            """, new GeneratorTestOptions { CheckBaselines = false });

        Assert.False(result.Files.ContainsKey("Functions/Empty.g.cs"));
        Assert.False(result.Files.ContainsKey("Functions/MixedGet.g.cs"));
        var mixed = result.File("Functions/Mixed.g.cs");
        Assert.Contains(".Map(\"POST\", \"/mixed\"", mixed);
        Assert.DoesNotContain("Get_Http", mixed);
    }

    [Fact]
    public void HalfTypedClassFunctionsGenerateNothingAndNeverThrow()
    {
        var result = GeneratorHarness.Run(Prelude + """
            namespace App
            {
                [LambdaFunction]
                public partial class Broken(Missing m)
                {
                    [HttpApi(HttpVerb.Get, )] public Missing A(Unknown u) => null;
                    [HttpApi(HttpVerb.Get, "/b/{id}")] public void B(ref int id) { }
                }

                public class Outer<T>
                {
                    [LambdaFunction]
                    public class Inner { [HttpApi(HttpVerb.Get, "/inner")] public T Get() => default!; }
                }

                [LambdaFunction]
                public struct NotAClass { [HttpApi(HttpVerb.Get, "/s")] public int A() => 1; }
            }
            """, new GeneratorTestOptions { ExpectCompileErrors = true, CheckBaselines = false });

        Assert.DoesNotContain(result.Files.Keys, k => k.StartsWith("Functions/", StringComparison.Ordinal));
    }

    [Fact]
    public void EditingAnotherPartialPartUpdatesTheRouter()
    {
        var first = """
            using Serverless;
            namespace App
            {
                [LambdaFunction]
                public static partial class Api
                {
                    [HttpApi(HttpVerb.Get, "/a")]
                    public static string A() => "a";
                }
            }
            """;
        var otherBefore = "namespace App { public static partial class Api { } }";
        var otherAfter = """
            using Serverless;
            namespace App { public static partial class Api { [HttpApi(HttpVerb.Get, "/b")] public static string B() => "b"; } }
            """;
        var compilation = GeneratorHarness.CreateCompilation(new[] { first, otherBefore });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new LambdaGenerator().AsSourceGenerator() }, parseOptions: TestReferences.ParseOptions);
        driver = driver.RunGenerators(compilation);
        Assert.DoesNotContain("\"/b\"", Generated(driver, "Functions/Api.g.cs"));

        var otherTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText(otherAfter, TestReferences.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);
        Assert.Contains(".Map(\"GET\", \"/b\", B_Http)", Generated(driver, "Functions/Api.g.cs"));
    }

    private static string Generated(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName.Replace('\\', '/') == hintName).SourceText.ToString();

    private static Dictionary<string, JsonElement> ManifestFunctions(GeneratorTestResult result) => GeneratedManifest.Functions(result);
}
