// Writes resources/symbols/<name>.png: every built-in symbol rendered from its SVG in opaque black at
// symbols::kMaskSize pixels, the masks that builds without Qt Svg draw their icons from. Run by
// scripts/render-symbol-masks.sh after a drawing changes; tst_symbols fails until it is.
#include "common/symbols.h"

#include <QDir>
#include <QGuiApplication>
#include <QImageWriter>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: aikeys-render-symbol-masks OUTPUT_FOLDER\n");
        return 2;
    }
    const QDir out(args.at(1));
    if (!out.exists()) {
        std::fprintf(stderr, "%s does not exist\n", qPrintable(args.at(1)));
        return 1;
    }
    for (const aikeys::symbols::Symbol &symbol : aikeys::symbols::all()) {
        const QImage mask = aikeys::symbols::render(
            symbol.name, QSize(aikeys::symbols::kMaskSize, aikeys::symbols::kMaskSize), Qt::black);
        QImageWriter writer(out.filePath(symbol.name + u".png"_s), "png");
        writer.setQuality(0); // for PNG: the strongest compression
        if (!writer.write(mask.convertToFormat(QImage::Format_ARGB32))) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(writer.fileName()), qPrintable(writer.errorString()));
            return 1;
        }
    }
    return 0;
}
