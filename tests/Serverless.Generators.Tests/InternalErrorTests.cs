using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;
using Serverless.Generators.Emitter;

namespace Serverless.Generators.Tests;

/// <summary>A bug in a parse step travels as data to the output, where it becomes SLS9001, instead of an exception.</summary>
public sealed class InternalErrorTests
{
    [Fact]
    public void ParseErrorsReachTheModelAndEmitNothingForThatFunction()
    {
        var error = Parser.Error("reading [LambdaFunction] App.Api.Run", new InvalidOperationException("boom"));
        Assert.Equal("reading [LambdaFunction] App.Api.Run", error.Where);
        Assert.StartsWith("InvalidOperationException: boom", error.Message, StringComparison.Ordinal);

        var spec = Parser.Combine(
            ImmutableArray.Create(new ParseResult<FunctionSpec>(null, error)),
            ImmutableArray<ParseResult<FunctionSpec>>.Empty,
            new ParseResult<AppSpec>(null, null),
            ImmutableArray<ParseResult<StartupSpec>>.Empty,
            ImmutableArray<ParseResult<JsonContextSpec>>.Empty,
            ownEntryPoint: false,
            OutputKind.ConsoleApplication,
            CancellationToken.None);

        Assert.Equal(error, Assert.Single(spec.Errors));
        Assert.Empty(SourceEmitter.Emit(spec));
    }
}
