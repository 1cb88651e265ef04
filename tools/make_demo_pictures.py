#!/usr/bin/env python3
"""Draws the demo store's product pictures: one SVG per kind of product and
colour (demo-images/<kind>-<colour>.svg), named as src/sandbox/demo_pictures.cpp
names them in the demo's primary_image. Each kind has its own silhouette, each
colour its own fill, and the picture says both, so a packer can tell a red
mug from a blue one and from a red thermos at a glance."""
import argparse
import os

# Colour name -> (fill, outline). White and beige get a dark outline to stand out.
COLOURS = {
    "black": ("#222222", "#000000"),
    "white": ("#fafafa", "#555555"),
    "grey": ("#8c8c8c", "#444444"),
    "blue": ("#2f6fd6", "#173c7a"),
    "red": ("#d93a32", "#7a1a15"),
    "green": ("#2f9e52", "#175c2e"),
    "beige": ("#e3cfa6", "#7a6540"),
    "pink": ("#ef8fb7", "#8a3d5d"),
}

# Kind (offer id prefix, lower case) -> (label, silhouette in a 0..100 box).
KINDS = {
    "mug": ("MUG", '<rect x="22" y="26" width="42" height="48" rx="5"/>'
                   '<path d="M64 36 h8 a10 10 0 0 1 0 24 h-8" fill="none" stroke-width="7"/>'),
    "case": ("CASE", '<rect x="32" y="14" width="36" height="66" rx="8"/>'
                     '<circle cx="42" cy="26" r="5" fill="#333"/>'),
    "tool": ("TOOL", '<rect x="44" y="12" width="12" height="34" rx="5"/>'
                     '<rect x="48" y="46" width="4" height="34"/>'),
    "tsh": ("T-SHIRT", '<path d="M30 16 L42 12 Q50 20 58 12 L70 16 L84 32 L72 40 L68 34 L68 80 L32 80 L32 34 L28 40 L16 32 Z"/>'),
    "shoe": ("SHOE", '<path d="M14 64 L18 36 L34 38 Q44 52 60 54 L84 60 Q90 64 88 72 L16 72 Z"/>'),
    "thrm": ("THERMOS", '<rect x="36" y="24" width="28" height="56" rx="8"/>'
                        '<rect x="40" y="12" width="20" height="12" rx="3"/>'),
    "bag": ("BACKPACK", '<rect x="26" y="24" width="48" height="56" rx="12"/>'
                        '<path d="M40 24 v-6 a10 10 0 0 1 20 0 v6" fill="none" stroke-width="5"/>'
                        '<rect x="34" y="52" width="32" height="18" rx="4" fill-opacity="0.6"/>'),
    "lamp": ("LAMP", '<path d="M32 40 L50 14 L68 40 Z"/><rect x="47" y="40" width="6" height="34"/>'
                     '<rect x="32" y="74" width="36" height="6" rx="2"/>'),
    "twl": ("TOWEL", '<rect x="20" y="22" width="60" height="52" rx="4"/>'
                     '<rect x="20" y="60" width="60" height="5" fill-opacity="0.5"/>'),
    "cbl": ("CABLE", '<path d="M22 30 Q50 90 78 30" fill="none" stroke-width="5"/>'
                     '<rect x="16" y="16" width="12" height="16" rx="2"/><rect x="72" y="16" width="12" height="16" rx="2"/>'),
    "perf": ("PERFUME", '<rect x="28" y="36" width="44" height="44" rx="8"/>'
                        '<rect x="42" y="24" width="16" height="12"/><rect x="38" y="14" width="24" height="10" rx="3"/>'),
    "pan": ("PAN", '<circle cx="40" cy="52" r="24"/><rect x="62" y="48" width="30" height="8" rx="4"/>'),
    "toy": ("BLOCKS", '<rect x="18" y="52" width="30" height="26"/><rect x="52" y="52" width="30" height="26"/>'
                      '<rect x="35" y="24" width="30" height="26"/>'),
    "pwr": ("POWER BANK", '<rect x="30" y="14" width="40" height="68" rx="8"/>'
                          '<path d="M54 26 L40 52 L50 52 L46 72 L60 44 L50 44 Z" fill="#ffd23f"/>'),
}


def picture(label: str, shape: str, colour: str, fill: str, outline: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 100 100">'
        '<rect width="100" height="100" fill="#f4f4f0"/>'
        f'<g transform="translate(0 -4)" fill="{fill}" stroke="{outline}" stroke-width="2" stroke-linejoin="round">'
        f'{shape}</g>'
        f'<text x="50" y="95" font-family="sans-serif" font-size="10" font-weight="bold" text-anchor="middle" '
        f'fill="#222">{label} \u00b7 {colour}</text>'
        '</svg>\n')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--stamp", required=True)
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    for kind, (label, shape) in KINDS.items():
        for colour, (fill, outline) in COLOURS.items():
            path = os.path.join(args.output_dir, f"{kind}-{colour}.svg")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(picture(label, shape, colour, fill, outline))
    with open(args.stamp, "w", encoding="utf-8") as handle:
        handle.write(f"{len(KINDS) * len(COLOURS)} pictures\n")


if __name__ == "__main__":
    main()
