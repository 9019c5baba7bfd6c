using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace NeuroRnn.Interactive.Extension;

/// <summary>
/// Reads and defines variables of a language kernel through the methods the C# and F# kernels both have,
/// <c>bool TryGetValue&lt;T&gt;(string, out T)</c> and <c>Task SetValueAsync(string, object, Type)</c>. The F# kernel exists only
/// inside the dotnet-interactive tool (no package to reference), so both are called by reflection.
/// </summary>
internal static class Variables
{
    public static bool Supports(Kernel kernel) => SetMethod(kernel) is not null && GetMethod(kernel) is not null;

    public static object? Get(Kernel kernel, string name)
    {
        var arguments = new object?[] { name, null };
        return GetMethod(kernel)?.Invoke(kernel, arguments) is true ? arguments[1] : null;
    }

    public static void Set(Kernel kernel, string name, object? value)
    {
        // The kernel declares the variable with its type's name: make sure the session references that type's assembly.
        if (value is not null && !string.IsNullOrEmpty(value.GetType().Assembly.Location)
            && kernel.GetType().GetMethod("AddAssemblyReferences", BindingFlags.Public | BindingFlags.Instance, [typeof(IEnumerable<string>)]) is { } add)
            add.Invoke(kernel, [new[] { value.GetType().Assembly.Location }]);
        var task = (Task)SetMethod(kernel)!.Invoke(kernel, [name, value, value?.GetType() ?? typeof(object)])!;
        task.GetAwaiter().GetResult();
    }

    private static MethodInfo? SetMethod(Kernel kernel) =>
        kernel.GetType().GetMethod("SetValueAsync", BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(object), typeof(Type)]);

    private static MethodInfo? GetMethod(Kernel kernel) =>
        kernel.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == "TryGetValue" && m.IsGenericMethodDefinition && m.GetParameters().Length == 2)
            ?.MakeGenericMethod(typeof(object));
}
