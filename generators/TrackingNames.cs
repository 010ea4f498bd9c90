namespace Serverless.Generators;

/// <summary>Names of the tracked pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>One <c>FunctionParse</c> per <c>[LambdaFunction]</c> method.</summary>
    public const string Functions = nameof(Functions);

    /// <summary>One per class-level <c>[LambdaFunction]</c>.</summary>
    public const string ClassFunctions = nameof(ClassFunctions);

    /// <summary>The assembly-level facts (<c>[ServerlessApp]</c>, assembly <c>[Environment]</c>).</summary>
    public const string App = nameof(App);

    /// <summary>One per <c>[LambdaStartup]</c> class.</summary>
    public const string Startups = nameof(Startups);

    /// <summary>One per class declaration carrying <c>[JsonSerializable]</c>.</summary>
    public const string JsonContexts = nameof(JsonContexts);

    /// <summary>Whether user code declares its own entry point.</summary>
    public const string OwnEntryPoint = nameof(OwnEntryPoint);

    /// <summary>The compilation's output kind.</summary>
    public const string OutputKind = nameof(OutputKind);

    /// <summary>Everything the emitter needs, combined.</summary>
    public const string Model = nameof(Model);
}
