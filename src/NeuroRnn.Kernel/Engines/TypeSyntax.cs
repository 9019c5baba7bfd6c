using System.Reflection;

namespace NeuroRnn.Kernel.Engines;

/// <summary>Writes a <see cref="Type"/> as C# or F# source, when generated code can name it at all.</summary>
internal static class TypeSyntax
{
    /// <summary>
    /// The source name of <paramref name="type"/>, or null when cell code cannot refer to it (not public, defined in
    /// an in-memory assembly such as an earlier cell of the other language, or a nested generic).
    /// </summary>
    public static string? TryName(Type type, bool fsharp)
    {
        if (type.IsArray)
        {
            var element = TryName(type.GetElementType()!, fsharp);
            return element is null ? null : element + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        if (type.IsPointer || type.IsByRef || type.IsGenericParameter || !type.IsVisible) return null;
        var assembly = type.Assembly;
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return null;
        if (type.IsNested && (type.DeclaringType!.IsGenericType || type.IsGenericType)) return null;

        var name = (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName;
        if (name is null) return null;
        name = name.Replace('+', '.');
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name[..tick];
            var arguments = new List<string>();
            foreach (var argument in type.GetGenericArguments())
            {
                var argumentName = TryName(argument, fsharp);
                if (argumentName is null) return null;
                arguments.Add(argumentName);
            }
            name += "<" + string.Join(", ", arguments) + ">";
        }
        return fsharp ? name : "global::" + name;
    }

    /// <summary>The most specific type of <paramref name="value"/>'s class chain that code can name ("object" at worst).</summary>
    public static string NameForValue(object? value, Type declared, bool fsharp)
    {
        var direct = TryName(declared, fsharp);
        if (direct is not null && declared != typeof(object)) return direct;
        for (var type = value?.GetType(); type is not null; type = type.BaseType)
        {
            var name = TryName(type, fsharp);
            if (name is not null) return name;
        }
        return fsharp ? "obj" : "object";
    }

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    internal static IEnumerable<string> MemberNames(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is PropertyInfo or FieldInfo or EventInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);
}
