using System.Text.Json.Nodes;
using CsCheck;
using Serverless.Build.Tasks.Manifest;
using Serverless.Build.Tasks.Template;
using static Serverless.Build.Tasks.Tests.TestData;

namespace Serverless.Build.Tasks.Tests;

/// <summary>
/// Random manifests and random hand edits: a rebuild keeps every hand edit, owns exactly the manifest's functions
/// with exactly the properties a fresh write would give them, and a second rebuild changes nothing.
/// </summary>
public class TemplateMergePropertyTests
{
    private static readonly string[] Names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"];

    // Properties the tool never writes, so a hand edit of them must always survive.
    private static readonly string[] HandProperties = ["Layers", "VpcConfig", "AutoPublishAlias", "FunctionUrlConfig", "Events", "KmsKeyArn"];

    private static Gen<int?> OptionalInt(int lo, int hi) =>
        Gen.Frequency((1, Gen.Const((int?)null)), (2, Gen.Int[lo, hi].Select(i => (int?)i)));

    private static Gen<JsonObject> Function(string name) =>
        Gen.Select(
            OptionalInt(128, 10240), OptionalInt(1, 900), OptionalInt(512, 10240), OptionalInt(-1, 100),
            Gen.OneOf<string?>(null, "arm64", "x86_64"),
            Gen.OneOf<string?>(null, "Active", "PassThrough"),
            Gen.OneOf<string?>(null, "Creates \"things\"", "Ünïcode + <html> & 'quotes'", "plain"),
            Gen.Int[0, 3])
        .Select((memory, timeout, storage, reserved, arch, tracing, description, extras) =>
        {
            var f = new JsonObject { ["name"] = name, ["handler"] = name, ["method"] = "App.Handlers." + name };
            if (memory is { } m) f["memorySize"] = m;
            if (timeout is { } t) f["timeout"] = t;
            if (storage is { } s) f["ephemeralStorage"] = s;
            if (reserved is { } r) f["reservedConcurrency"] = r;
            if (arch is not null) f["architecture"] = arch;
            if (tracing is not null) f["tracing"] = tracing;
            if (description is not null) f["description"] = description;
            if ((extras & 1) != 0) f["environment"] = new JsonObject { ["STAGE"] = "prod", ["NAME"] = name };
            if ((extras & 2) != 0) f["policies"] = new JsonArray("AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess");
            if (extras == 3) f["tags"] = new JsonObject { ["team"] = "core" };
            if (extras == 2) f["role"] = name + "Role";
            return f;
        });

    private static Gen<JsonObject?> MaybeFunction(string name) =>
        Gen.Select(Gen.Int[0, 2], Function(name)).Select((include, f) => include == 0 ? null : f);

    private static readonly Gen<ServerlessManifest> Manifests =
        Gen.Select(MaybeFunction(Names[0]), MaybeFunction(Names[1]), MaybeFunction(Names[2]), MaybeFunction(Names[3]), MaybeFunction(Names[4]))
        .Select((a, b, c, d, e) => ServerlessManifest.Parse(new JsonObject
        {
            ["version"] = 1,
            ["app"] = new JsonObject { ["name"] = "app" },
            ["functions"] = new JsonArray(new[] { a, b, c, d, e }.Where(f => f is not null).Select(f => (JsonNode)f!).ToArray()),
        }.ToJsonString()));

    /// <summary>A hand edit: where it goes (kind, index into the tool's functions, name) and a value.</summary>
    private sealed record HandEdit(int Kind, int Target, string Name, string Value);

    private static readonly Gen<HandEdit> Edits =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 10], Gen.Int[0, HandProperties.Length - 1], Gen.String[Gen.Char.AlphaNumeric, 1, 8])
            .Select((kind, target, prop, value) => new HandEdit(kind, target, kind == 1 ? HandProperties[prop] : $"Hand{target}", value));

    [Fact]
    public void Rebuilds_keep_hand_edits_own_exactly_the_manifest_and_are_idempotent()
    {
        Gen.Select(Manifests, Edits.Array[0, 8], Manifests).Sample((before, edits, after) =>
        {
            var start = TemplateMerger.Merge(null, before, Options).Text
                ?? "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {}\n}\n";
            var expectations = new List<(string[] Path, JsonNode? Value)>();
            var edited = Edit(start, root => Apply(root, edits, expectations));

            var result = TemplateMerger.Merge(edited, after, Options);

            Assert.Empty(result.Diagnostics);
            var text = result.Text!;
            var merged = ParseJson(text);
            var fresh = TemplateMerger.Merge(null, after, Options).Text is { } f ? Resources(f) : new JsonObject();
            var resources = merged["Resources"]!.AsObject();

            // Exactly the manifest's functions are the tool's, each with a fresh write's tool properties.
            Assert.Equal(fresh.Select(p => p.Key).Order(), resources.Where(p => TemplateMerger.IsOwned(p.Value)).Select(p => p.Key).Order());
            foreach (var (id, expected) in fresh)
            {
                var actual = resources[id]!;
                Assert.Equal("AWS::Serverless::Function", actual["Type"]!.GetValue<string>());
                Assert.True(JsonNode.DeepEquals(expected!["Metadata"]!["ServerlessAnalyzers"], actual["Metadata"]!["ServerlessAnalyzers"]));
                foreach (var (name, value) in expected["Properties"]!.AsObject())
                {
                    Assert.True(JsonNode.DeepEquals(value, actual["Properties"]![name]), $"{id}.{name}");
                }

                foreach (var (name, _) in actual["Properties"]!.AsObject())
                {
                    Assert.True(expected["Properties"]![name] is not null || HandProperties.Contains(name), $"{id}.{name} is stale");
                }
            }

            // Every hand edit is still there (on a function that still exists).
            foreach (var (path, value) in expectations)
            {
                if (path[0] == "Resources" && fresh[path[1]] is null && !path[1].StartsWith("Hand", StringComparison.Ordinal))
                {
                    Assert.Null(resources[path[1]]);
                    continue;
                }

                JsonNode? node = merged;
                foreach (var key in path)
                {
                    node = node?[key];
                }

                Assert.True(JsonNode.DeepEquals(value, node), string.Join(".", path));
            }

            // A second rebuild changes nothing; what the tool writes is valid SAM.
            var again = TemplateMerger.Merge(text, after, Options);
            Assert.False(again.Changed);
            Assert.Same(text, again.Text);
            if (fresh.Count > 0)
            {
                // The hand edits are random, not SAM: check what the tool wrote.
                Assert.Empty(SamSchema.ValidateServerlessResources(TemplateMerger.Merge(null, after, Options).Text!));
            }
        }, iter: 300);
    }

    private static void Apply(JsonObject root, HandEdit[] edits, List<(string[] Path, JsonNode? Value)> expectations)
    {
        var resources = root["Resources"]!.AsObject();
        var functions = resources.Where(p => TemplateMerger.IsOwned(p.Value)).Select(p => p.Key).ToArray();
        foreach (var edit in edits)
        {
            string[] path;
            JsonNode value;
            switch (edit.Kind)
            {
                case 0:
                    path = ["Resources", edit.Name];
                    value = new JsonObject { ["Type"] = "AWS::SNS::Topic", ["Properties"] = new JsonObject { ["TopicName"] = edit.Value } };
                    break;
                case 1 when functions.Length > 0:
                    path = ["Resources", functions[edit.Target % functions.Length], "Properties", edit.Name];
                    value = new JsonArray(edit.Value);
                    break;
                case 2 when functions.Length > 0:
                    path = ["Resources", functions[edit.Target % functions.Length], "Metadata", "Note" + edit.Target];
                    value = edit.Value;
                    break;
                case 3 when functions.Length > 0:
                    path = ["Resources", functions[edit.Target % functions.Length], "Condition"];
                    value = edit.Value;
                    break;
                case 4:
                    path = ["Outputs", edit.Name];
                    value = new JsonObject { ["Value"] = edit.Value };
                    break;
                default:
                    path = ["Parameters", edit.Name];
                    value = new JsonObject { ["Type"] = "String", ["Default"] = edit.Value };
                    break;
            }

            JsonObject parent = root;
            foreach (var key in path[..^1])
            {
                if (parent[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    parent[key] = child;
                }

                parent = child;
            }

            parent[path[^1]] = value;
            expectations.RemoveAll(e => e.Path.SequenceEqual(path));
            expectations.Add((path, value.DeepClone()));
        }
    }
}
