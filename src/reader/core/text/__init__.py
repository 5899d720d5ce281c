"""Text as the reader handles it: decoding files, the normal form used for matching, offsets between views,
display views in a script, and page starts.
"""
