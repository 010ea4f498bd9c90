// Polyfills for C# features on netstandard2.0. Only this project declares them; the generator sees them through
// InternalsVisibleTo, so it must not declare its own.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
