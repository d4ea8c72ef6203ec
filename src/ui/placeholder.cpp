namespace aikeys { }
