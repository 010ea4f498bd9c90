namespace Serverless.EndToEnd.Tests;

/// <summary>
/// Tests that build, publish or run the sample share one collection: they run one after another, so two builds
/// never write the sample's obj/ folder at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleCollection
{
    public const string Name = "Sample app";
}
