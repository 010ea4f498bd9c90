using System.Globalization;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Model;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>
/// SLS1100-SLS1113: function settings outside AWS limits (<see cref="AwsLimits"/>, the one table of numbers), found by
/// <see cref="FunctionLimits"/> and reported by <see cref="FunctionLimitsAnalyzer"/> and <see cref="LambdaEdgeAnalyzer"/>.
/// The numbers in titles come from <see cref="AwsLimits"/>; the numbers in messages are message arguments.
/// </summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor TimeoutOutOfRange = Rule(
        RuleIdentifiers.TimeoutOutOfRange,
        "Function timeout must be between " + N(AwsLimits.TimeoutMinSeconds) + " and " + N(AwsLimits.TimeoutMaxSeconds) + " seconds",
        "{0} has a timeout of {1} s; Lambda allows {2} to {3} s{4}",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MemorySizeOutOfRange = Rule(
        RuleIdentifiers.MemorySizeOutOfRange,
        "Function memory must be between " + N(AwsLimits.MemoryMinMb) + " and " + N(AwsLimits.MemoryMaxMb) + " MB",
        "{0} has MemorySize = {1} MB; Lambda allows {2} to {3} MB",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EphemeralStorageOutOfRange = Rule(
        RuleIdentifiers.EphemeralStorageOutOfRange,
        "Ephemeral storage must be between " + N(AwsLimits.EphemeralStorageMinMb) + " and " + N(AwsLimits.EphemeralStorageMaxMb) + " MB",
        "{0} has EphemeralStorage = {1} MB; Lambda allows {2} to {3} MB of /tmp",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EdgeEnvironment = Rule(
        RuleIdentifiers.EdgeEnvironment,
        "Lambda@Edge functions cannot have environment variables",
        "Lambda@Edge function '{0}' gets the environment variable(s) {1} {2}; Lambda@Edge does not support environment variables, use constants or read configuration at init instead",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EdgeTimeout = Rule(
        RuleIdentifiers.EdgeTimeout,
        "Lambda@Edge timeout exceeds the limit of its CloudFront events",
        "Lambda@Edge function '{0}' has a timeout of {1} s{2}; {3} events allow at most {4} s",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EdgeViewerMemory = Rule(
        RuleIdentifiers.EdgeViewerMemory,
        "Lambda@Edge functions for viewer events are limited to " + N(AwsLimits.EdgeViewerMemoryMb) + " MB",
        "Lambda@Edge function '{0}' has {1} MB of memory{2}; viewer events allow at most {3} MB",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EdgeArchitecture = Rule(
        RuleIdentifiers.EdgeArchitecture,
        "Lambda@Edge functions must run on x86_64",
        "Lambda@Edge function '{0}' runs on arm64{1}; Lambda@Edge supports only x86_64",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
