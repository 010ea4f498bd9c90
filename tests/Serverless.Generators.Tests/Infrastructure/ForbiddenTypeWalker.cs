using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Serverless.Generators.Tests.Infrastructure;

/// <summary>Walks an object graph and reports any symbol, syntax node, location, semantic model or compilation in it.</summary>
internal static class ForbiddenTypeWalker
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(Compilation),
        typeof(SyntaxToken), typeof(SyntaxReference), typeof(AttributeData),
    };

    public static IEnumerable<string> Find(object? root, string path)
    {
        var found = new List<string>();
        Walk(root, path, new HashSet<object>(ReferenceEqualityComparer.Instance), found, 0);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> found, int depth)
    {
        if (value is null || depth > 40)
        {
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            found.Add(path + ": " + type.FullName);
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable enumerable && !(type.GetProperty("IsDefault")?.GetValue(value) is true))
        {
            var i = 0;
            foreach (var item in enumerable)
            {
                Walk(item, path + "[" + i++ + "]", seen, found, depth + 1);
            }

            if (type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        // Descriptors are immutable metadata, not compilation state.
        if (value is DiagnosticDescriptor)
        {
            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, seen, found, depth + 1);
            }
        }
    }
}
