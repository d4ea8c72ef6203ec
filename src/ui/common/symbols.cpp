#include "common/symbols.h"

#include "common/windowicons.h"

using namespace Qt::StringLiterals;

namespace aikeys::symbols {

namespace {

// The window icons: 16x16 outlines in the style of the secret dialog's.
QByteArray windowIconBody(WindowIcons::Icon icon)
{
    using I = WindowIcons::Icon;
    const char *const stroke = "fill=\"none\" stroke=\"COLOR\" stroke-width=\"1.3\" stroke-linecap=\"round\" "
                               "stroke-linejoin=\"round\"";
    const QByteArray s(stroke);
    switch (icon) {
    case I::NewKey:
        return "<circle cx=\"5\" cy=\"10.5\" r=\"2.8\" " + s + "/><path d=\"M7 8.5L11 4.5M9.5 6l1.5 1.5\" " +
               s + "/><path d=\"M12.5 9.5v5M10 12h5\" " + s + "/>";
    case I::Rename:
        return "<path d=\"M3 13l.8-3.2 7-7 2.4 2.4-7 7zM9.6 4l2.4 2.4\" " + s + "/>";
    case I::Delete:
        return "<path d=\"M2.5 4.5h11M6.3 4.5V2.8h3.4v1.7M4.2 4.5l.7 9h6.2l.7-9M6.6 7v4.3M9.4 7v4.3\" " + s +
               "/>";
    case I::Copy:
        return "<rect x=\"5.5\" y=\"5.5\" width=\"8\" height=\"9\" rx=\"1\" " + s +
               "/><path d=\"M10.5 3.5V2.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h1\" " + s + "/>";
    case I::Refresh:
        return "<path d=\"M13.2 8.5A5.2 5.2 0 1 1 11.6 4.3\" " + s + "/><path d=\"M12.2 1.8v3h-3\" " + s +
               "/>";
    case I::Stop:
        return "<circle cx=\"8\" cy=\"8\" r=\"6\" " + s +
               "/><path d=\"M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4\" " + s + "/>";
    case I::Organization:
        return "<path d=\"M2 14.2h12M3.2 14.2V2.5h6.3v11.7M9.5 6.5h3.3v7.7\" " + s +
               "/><path d=\"M5 5h2.6M5 7.7h2.6M5 10.4h2.6\" " + s + "/>";
    case I::Project:
        return "<path d=\"M1.8 4V12.8h12.4V5.4H7.6L6.2 3.4H2.4A.6.6 0 0 0 1.8 4z\" " + s + "/>";
    case I::OtherProjects:
        return "<path d=\"M1.8 4V12.8h12.4V5.4H7.6L6.2 3.4H2.4A.6.6 0 0 0 1.8 4z\" " + s +
               " stroke-dasharray=\"1.6 1.4\"/><circle cx=\"8\" cy=\"9.2\" r=\".9\" fill=\"COLOR\"/>";
    case I::SignOut:
        return "<path d=\"M9 3H3.2v10H9M6.5 8h7.3M11.3 5.5L13.8 8l-2.5 2.5\" " + s + "/>";
    case I::Profiles:
        return "<circle cx=\"8\" cy=\"5.3\" r=\"2.6\" " + s +
               "/><path d=\"M2.8 14c.4-3 2.4-4.6 5.2-4.6S12.8 11 13.2 14\" " + s + "/>";
    case I::Preferences:
        return "<path d=\"M2 4h12M2 8h12M2 12h12\" " + s +
               "/><circle cx=\"5\" cy=\"4\" r=\"1.5\" fill=\"COLOR\"/><circle cx=\"11\" cy=\"8\" r=\"1.5\" "
               "fill=\"COLOR\"/><circle cx=\"7\" cy=\"12\" r=\"1.5\" fill=\"COLOR\"/>";
    case I::Help:
        return "<circle cx=\"8\" cy=\"8\" r=\"6.2\" " + s +
               "/><path d=\"M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 "
               "1.1v.6\" " +
               s + "/><circle cx=\"8\" cy=\"11.6\" r=\".8\" fill=\"COLOR\"/>";
    case I::Filter:
        return "<circle cx=\"6.8\" cy=\"6.8\" r=\"4.3\" " + s + "/><path d=\"M10 10l4 4\" " + s + "/>";
    case I::Rotate:
        // Two arrows chasing each other: one key replaced by another.
        return "<path d=\"M2.8 7.4A5.2 5.2 0 0 1 12 4.4M13.2 8.6A5.2 5.2 0 0 1 4 11.6\" " + s +
               "/><path d=\"M12.3 1.6v3h-3M3.7 14.4v-3h3\" " + s + "/>";
    case I::Export:
        return "<path d=\"M9.3 2.3h4.4v4.4M13.7 2.3L7.6 8.4\" " + s +
               "/><path d=\"M11.8 9.3v3.6a.8.8 0 0 1-.8.8H3.1a.8.8 0 0 1-.8-.8V5a.8.8 0 0 1 .8-.8h3.6\" " +
               s + "/>";
    case I::CopyMasked:
        // Copy, with the masked key's dots on the front sheet.
        return "<rect x=\"5.5\" y=\"5.5\" width=\"8\" height=\"9\" rx=\"1\" " + s +
               "/><path d=\"M10.5 3.5V2.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h1\" " + s +
               "/><circle cx=\"7.6\" cy=\"10\" r=\".8\" fill=\"COLOR\"/><circle cx=\"9.5\" cy=\"10\" "
               "r=\".8\" "
               "fill=\"COLOR\"/><circle cx=\"11.4\" cy=\"10\" r=\".8\" fill=\"COLOR\"/>";
    case I::TestKey:
        // A bolt: one small request, answered or not.
        return "<path d=\"M9.2 1.6L3.8 9h3.7l-.9 5.4L12.2 7H8.4z\" " + s + "/>";
    case I::SaveToFile:
        return "<path d=\"M8 2v8.2M4.9 7.2L8 10.3l3.1-3.1M2.5 10.8v2.4a.8.8 0 0 0 .8.8h9.4a.8.8 0 0 0 "
               ".8-.8v-2.4\" " +
               s + "/>";
    }
    return {};
}

// The secret dialog's symbols (SymbolIcon).
QByteArray eyeBody()
{
    return "<path d=\"M1.2 8C2.9 4.9 5.3 3.3 8 3.3S13.1 4.9 14.8 8C13.1 11.1 10.7 12.7 8 12.7S2.9 "
           "11.1 1.2 8Z\" fill=\"none\" stroke=\"COLOR\" stroke-width=\"1.3\" "
           "stroke-linejoin=\"round\"/><circle cx=\"8\" cy=\"8\" r=\"2.3\" fill=\"COLOR\"/>";
}

QByteArray document(const QByteArray &body)
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">" +
           body + "</svg>";
}

} // namespace

const QList<Symbol> &all()
{
    using I = WindowIcons::Icon;
    static const QList<Symbol> symbols = [] {
        QList<Symbol> list;
        const auto window = [&list](I icon) {
            list.append({WindowIcons::symbolName(icon), document(windowIconBody(icon))});
        };
        window(I::NewKey);
        window(I::Rename);
        window(I::Delete);
        window(I::Copy);
        window(I::Refresh);
        window(I::Stop);
        window(I::Organization);
        window(I::Project);
        window(I::OtherProjects);
        window(I::SignOut);
        window(I::Profiles);
        window(I::Preferences);
        window(I::Help);
        window(I::Filter);
        window(I::Rotate);
        window(I::Export);
        window(I::CopyMasked);
        window(I::TestKey);
        window(I::SaveToFile);
        list.append({u"reveal"_s, document(eyeBody())});
        list.append({u"conceal"_s,
                     document(eyeBody() + "<path d=\"M2.5 14L13.5 2\" stroke=\"COLOR\" stroke-width=\"1.4\" "
                                          "stroke-linecap=\"round\"/>")});
        list.append(
            {u"secret-copy"_s,
             document("<rect x=\"5.5\" y=\"5.5\" width=\"8\" height=\"9\" rx=\"1\" fill=\"none\" "
                      "stroke=\"COLOR\" stroke-width=\"1.2\"/><path d=\"M10.5 3.5V2.5a1 1 0 0 0-1-1h-6a1 "
                      "1 0 0 0-1 1v8a1 1 0 0 0 1 1h1\" fill=\"none\" stroke=\"COLOR\" "
                      "stroke-width=\"1.2\"/>")});
        return list;
    }();
    return symbols;
}

QByteArray svg(const QString &name)
{
    for (const Symbol &symbol : all()) {
        if (symbol.name == name)
            return symbol.svg;
    }
    return {};
}

} // namespace aikeys::symbols
