using System;

namespace Serverless.CodeFixes;

/// <summary>Names of the fields and parameters the fixes add, derived from a type name.</summary>
internal static class MemberNames
{
    /// <summary><c>AmazonS3Client</c> → <c>S3Client</c>; others unchanged.</summary>
    public static string BaseName(string typeName) =>
        typeName.StartsWith("Amazon", StringComparison.Ordinal) && typeName.Length > 6 && (char.IsUpper(typeName[6]) || char.IsDigit(typeName[6]))
            ? typeName.Substring(6)
            : typeName;

    /// <summary><c>HttpClient</c> → <c>httpClient</c>, <c>S3Client</c> → <c>s3Client</c>, <c>SQLiteConnection</c> → <c>sqliteConnection</c>.</summary>
    public static string CamelCase(string name)
    {
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        if (upper == 0)
        {
            return name;
        }

        // Lower a leading acronym, keeping the capital that starts the next word ("SQLiteConnection").
        var lowered = upper == 1 || upper == name.Length || !char.IsLetter(name[upper]) ? upper : upper - 1;
        return name.Substring(0, lowered).ToLowerInvariant() + name.Substring(lowered);
    }
}
