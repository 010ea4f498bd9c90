using Serverless.Analyzers.Model;

namespace Serverless.Generators;

/// <summary>A bug caught in the generator: where it happened and what it said (reported as SLS9001).</summary>
public sealed record InternalError(string Where, string Message);

/// <summary>A parse result: a spec, or nothing, and possibly the bug that prevented it.</summary>
public sealed record ParseResult<T>(T? Spec, InternalError? Error)
    where T : class;

/// <summary>Everything the emitter sees.</summary>
/// <param name="App">The app.</param>
/// <param name="Functions">The functions to emit, sorted by name.</param>
/// <param name="Startup">The startup class, when there is exactly one usable.</param>
/// <param name="JsonContext">The JSON context handlers use, or null for reflection.</param>
/// <param name="Project">Output kind and own entry point.</param>
/// <param name="Errors">Bugs caught while parsing.</param>
public sealed record GenerationSpec(
    AppSpec? App,
    EquatableArray<FunctionSpec> Functions,
    StartupSpec? Startup,
    JsonContextSpec? JsonContext,
    ProjectFacts Project,
    EquatableArray<InternalError> Errors);
