using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Diagnostics;

/// <summary>Environment variables: Lambda's 4 KB, secrets in plain sight, and well-formed <c>[Environment]</c> (SLS1120+).</summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor EnvironmentTooLarge = Rule(
        RuleIdentifiers.EnvironmentTooLarge,
        "Environment variables exceed Lambda's 4 KB limit",
        "Function '{0}' has {1} of environment variables (keys and values, UTF-8), over Lambda's limit of {2}; the largest are {3}. Move large values to SSM Parameter Store with [Environment(key, FromParameter = \"/path\")].",
        RuleCategories.Limits, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SecretInEnvironment = Rule(
        RuleIdentifiers.SecretInEnvironment,
        "Do not put secrets in environment variables",
        "Environment variable '{0}' holds {1} as a literal value, readable by anyone who can see the function's configuration or the template; store it in AWS Secrets Manager as '{2}' and use [Environment(\"{0}\", FromSecret = \"{2}\")]",
        RuleCategories.Functions, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnvironmentSource = Rule(
        RuleIdentifiers.EnvironmentSource,
        "[Environment] needs exactly one of a value, FromParameter or FromSecret",
        "[Environment(\"{0}\")] must set exactly one of a literal value, FromParameter or FromSecret; it sets {1}",
        RuleCategories.Functions, DiagnosticSeverity.Error);
}
