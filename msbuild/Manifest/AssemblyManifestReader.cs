using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Serverless.Build.Tasks.Manifest;

/// <summary>
/// Reads the JSON of <c>[assembly: Serverless.ServerlessManifestAttribute(string json)]</c> from a compiled
/// assembly with System.Reflection.Metadata: nothing is loaded, and the file is read into memory and closed at once
/// (shared for read, write and delete), so the compiler and the IDE are never blocked by it.
/// </summary>
public static class AssemblyManifestReader
{
    public const string AttributeNamespace = "Serverless";
    public const string AttributeName = "ServerlessManifestAttribute";

    /// <summary>The manifest JSON, or <c>null</c> when the assembly carries no manifest attribute.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static string? ReadManifestJson(string assemblyPath)
    {
        using var stream = new FileStream(
            assemblyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var pe = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"'{assemblyPath}' has no .NET metadata");
        }

        var md = pe.GetMetadataReader();
        if (!md.IsAssembly)
        {
            throw new BadImageFormatException($"'{assemblyPath}' is a module, not an assembly");
        }

        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (IsManifestAttribute(md, attribute.Constructor))
            {
                return ReadSingleStringArgument(md, attribute);
            }
        }

        return null;
    }

    private static bool IsManifestAttribute(MetadataReader md, EntityHandle constructor)
    {
        EntityHandle type;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                type = md.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                break;
            case HandleKind.MethodDefinition:
                type = md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
                break;
            default:
                return false;
        }

        switch (type.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)type);
                return md.StringComparer.Equals(reference.Name, AttributeName)
                    && md.StringComparer.Equals(reference.Namespace, AttributeNamespace);
            case HandleKind.TypeDefinition:
                var definition = md.GetTypeDefinition((TypeDefinitionHandle)type);
                return definition.GetDeclaringType().IsNil
                    && md.StringComparer.Equals(definition.Name, AttributeName)
                    && md.StringComparer.Equals(definition.Namespace, AttributeNamespace);
            default:
                return false;
        }
    }

    private static string? ReadSingleStringArgument(MetadataReader md, CustomAttribute attribute)
    {
        // ECMA-335 II.23.3: prolog 0x0001, then the fixed arguments; one SerString (0xFF = null).
        var blob = md.GetBlobReader(attribute.Value);
        if (blob.Length < 2 || blob.ReadUInt16() != 1)
        {
            throw new BadImageFormatException("the ServerlessManifest attribute has an invalid value blob");
        }

        return blob.ReadSerializedString();
    }
}
